-- EHCP Tracker event store (platform/event-store). See docs/event-store.md.
-- The event table is both the event store and the transactional outbox read by the relay.

create table event (
    position        bigserial    primary key,
    -- the id of the writing transaction; the relay orders by (tx_id, position) and only reads
    -- below the oldest running transaction (pg_snapshot_xmin), so a late commit is never skipped
    tx_id           xid8         not null default pg_current_xact_id(),
    event_id        uuid         not null,
    stream_id       uuid         not null,
    stream_version  int          not null,
    case_id         uuid         not null,
    type            text         not null,
    schema_version  int          not null,
    payload         jsonb        not null,
    metadata        jsonb        not null,
    occurred_at     timestamptz  not null,
    constraint event_event_id_key unique (event_id),
    -- optimistic concurrency: a concurrent append of the same version fails here (SQLSTATE 23505)
    constraint event_stream_version_key unique (stream_id, stream_version),
    constraint event_stream_version_positive check (stream_version > 0)
);

create index event_tx_position_idx on event (tx_id, position);

-- wakes the relay (LISTEN ehcp_event_appended); delivered only when the appending transaction
-- commits, once per statement, with an empty payload (the relay re-reads from its checkpoint)
create function ehcp_notify_event_appended() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('ehcp_event_appended', '');
    return null;
end;
$$;

create trigger event_appended_notify
    after insert on event
    for each statement
    execute function ehcp_notify_event_appended();
