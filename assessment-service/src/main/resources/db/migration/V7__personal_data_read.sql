-- Every read of a child's personal details (name, date of birth, a refusal's note) by a signed-in user
-- (issue 11, docs/assessment-service.md "Audit"): who (the token's subject and role), when, which fields.
-- Never updated; kept when the details are erased (it holds no personal data of the child, only field names).
create table personal_data_read (
    id             bigserial    primary key,
    case_id        uuid         not null,
    -- the token's subject (a stable id, never a name) and the role the actor was recorded under
    actor_subject  text         not null,
    actor_role     text         not null,
    read_at        timestamptz  not null,
    -- the fields disclosed, comma-separated field names of the answer (e.g. childName,childDateOfBirth)
    fields         text         not null
);
create index personal_data_read_case_idx on personal_data_read (case_id, read_at, id);
