-- Every read of an agency's advice text (GET /api/advice-requests/{id}/submission), issue 11: the advice may
-- describe the child, so who read it and when is kept. No text here (nothing to erase with the child's details):
-- the request, its case, the reader's subject (the token's sub, never a name) and role, and the time.
create table advice_text_read (
    id                 bigserial    primary key,
    advice_request_id  uuid         not null,
    case_id            uuid         not null,
    actor_id           text         not null,
    actor_role         text         not null,
    read_at            timestamptz  not null
);

create index advice_text_read_case_idx on advice_text_read (case_id, read_at);
create index advice_text_read_request_idx on advice_text_read (advice_request_id, read_at);
