-- Returned for rework and advice exceptions (issue 8 items 5 and 6): what stays here and not on Kafka.

-- Each return of advice for rework: the reason code (also on the event) and the caseworker's note,
-- which may describe the child and so never leaves this database.
create table advice_rework (
    id                   bigint generated always as identity primary key,
    advice_request_id    uuid         not null,
    returned_date        date         not null,
    reason               text         not null,
    note                 text,
    returned_by          text         not null,
    recorded_at          timestamptz  not null
);
create index advice_rework_request_idx on advice_rework (advice_request_id);

-- Each Reg 8(2) exception recorded, with the dates of the circumstance (the event carries the ground).
create table advice_exception (
    id                   bigint generated always as identity primary key,
    advice_request_id    uuid         not null,
    reason               text         not null,
    start_date           date         not null,
    end_date             date,
    recorded_by          text         not null,
    recorded_at          timestamptz  not null
);
create index advice_exception_request_idx on advice_exception (advice_request_id);
