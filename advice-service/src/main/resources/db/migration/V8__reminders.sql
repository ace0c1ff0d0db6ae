-- Reminders and overdue notices (issue 8 item 8): an outbox of e-mails to agencies, each naming what is
-- due (advice type, the case's pseudonymous reference), by when and how late; never a child's name.
-- One row per request, reason and reason date: planning twice (a restart, two instances) adds nothing.
alter table assessment_case add column child_ref text;

create table reminder (
    id                   bigint generated always as identity primary key,
    advice_request_id    uuid         not null,
    reason               text         not null check (reason in ('DUE_SOON', 'DUE_TODAY', 'OVERDUE')),
    reason_date          date         not null,
    agency_id            text         not null,
    recipient            text         not null,
    subject              text         not null,
    body                 text         not null,
    status               text         not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts             integer      not null default 0,
    next_attempt_at      timestamptz  not null,
    last_error           text,
    sent_at              timestamptz,
    created_at           timestamptz  not null,
    unique (advice_request_id, reason, reason_date)
);
create index reminder_pending_idx on reminder (next_attempt_at) where status = 'PENDING';
