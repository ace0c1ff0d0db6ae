-- Idempotent submission (issue 8 item 4): the first answer to a submission sent with an Idempotency-Key,
-- replayed to a retry with the same key instead of recording the advice a second time.
create table submission_idempotency (
    submitted_by         text         not null,
    idempotency_key      text         not null,
    advice_request_id    uuid         not null,
    -- a digest of the body, so that the same key with a different body is refused rather than replayed
    body_digest          text         not null,
    -- the JSON answered the first time (the request's view then); no advice text in it
    answer               text         not null,
    recorded_at          timestamptz  not null,
    primary key (submitted_by, idempotency_key)
);
