-- Idempotent creates (issue 14, decision "one Idempotency-Key mechanism"): the first answer to a create sent with an
-- Idempotency-Key, replayed to a retry with the same key instead of making a second record. Written in the create's
-- own transaction, after its events, so an answer is stored exactly when the events are.
create table request_idempotency (
    -- whose key: the caller (role:subject) with the councils and agency they acted for; one caller's key never
    -- replays to another
    scope            text         not null,
    idempotency_key  text         not null,
    -- SHA-256 of the method, path and body, so that the same key for a different request is refused, not replayed
    request_digest   text         not null,
    status           int          not null,
    -- the Location of the first answer ('' when it had none)
    location         text         not null,
    -- the JSON answered the first time (the view of the new record: codes, dates, ids; what a GET would show)
    answer           text         not null,
    recorded_at      timestamptz  not null,
    primary key (scope, idempotency_key)
);
-- the purge of keys past their retention
create index request_idempotency_recorded_at on request_idempotency (recorded_at);
