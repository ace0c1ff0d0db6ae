-- The only place a child's name and date of birth are held (never in the event store, never on
-- Kafka: events carry the pseudonymous childRef). Written in the same transaction as the case's
-- AssessmentRequested append; erased by DELETE /api/cases/{caseId}/personal-details, which
-- blanks the values and keeps the row as the record that (and when) they were erased.
create table child_personal_details (
    case_id        uuid         primary key,
    child_name     text,
    date_of_birth  date,
    erased_at      timestamptz,
    constraint child_personal_details_erased_means_empty
        check (erased_at is null or (child_name is null and date_of_birth is null))
);
