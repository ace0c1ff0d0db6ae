-- The agency directory (issue 8 item 1): each council's partner agencies, managed through the API.
-- An advice request is checked against it once the council has at least one agency here
-- (docs/advice-service.md, "Agency directory").
create table agency (
    agency_id            text         primary key,
    local_authority_code text         not null,
    name                 text         not null,
    -- the AdviceType codes it gives, comma-separated (e.g. 'EDUCATIONAL_PSYCHOLOGY,OTHER')
    advice_types         text         not null,
    -- where reminders and overdue notices go: an organisation's mailbox, never a child's details
    contact_email        text         not null,
    active               boolean      not null,
    changed_by           text         not null,
    changed_at           timestamptz  not null,
    version              integer      not null
);

create index agency_council_idx on agency (local_authority_code, agency_id);
