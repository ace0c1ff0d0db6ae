-- SEN2's person module (docs/sen2.md): the child's sex, ethnicity, UPN, ULN and postcode, personal data held with the
-- name and date of birth, blanked with them on erasure (the check now covers them too).
alter table child_personal_details
    add column sex        text,
    add column ethnicity  text,
    add column upn        text,
    add column uln        text,
    add column postcode   text;
alter table child_personal_details drop constraint child_personal_details_erased_means_empty;
alter table child_personal_details add constraint child_personal_details_erased_means_empty
    check (erased_at is null or (child_name is null and date_of_birth is null and sex is null and ethnicity is null
                                 and upn is null and uln is null and postcode is null));

-- Every correction of those details (PUT /api/cases/{caseId}/sen2-person): who, when, which fields changed. Never
-- the values; kept when the details are erased.
create table personal_details_change (
    id             bigserial    primary key,
    case_id        uuid         not null,
    actor_subject  text         not null,
    actor_role     text         not null,
    changed_at     timestamptz  not null,
    fields         text         not null
);
create index personal_details_change_case_idx on personal_details_change (case_id, changed_at, id);
