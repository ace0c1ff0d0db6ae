-- Idempotent-consumer guard: a consumer records each event id it has applied, in the same
-- transaction as its read-model change; a redelivered event finds its row and is skipped.
create table processed_event (
    consumer      text         not null,
    event_id      uuid         not null,
    processed_at  timestamptz  not null default now(),
    primary key (consumer, event_id)
);
