-- Cancellations by a caseworker (issue i8b): the reason code (also on AdviceRequestCancelled) and the
-- caseworker's note, which may describe the child and so never leaves this database. One row per
-- request: a request is cancelled at most once. Cancellations advice-service makes itself when the
-- case closes have no note and no row here.
create table advice_cancellation (
    advice_request_id    uuid         primary key,
    cancelled_date       date         not null,
    reason               text         not null,
    note                 text,
    cancelled_by         text         not null,
    recorded_at          timestamptz  not null
);
