-- Events a consumer could not apply for a reason retrying will not cure (a value its tables
-- cannot hold, a bug). They are parked here and the consumer moves on, so one bad record never
-- blocks its partition; an operator reads the error, fixes the cause and replays the payload.
create table dead_letter (
    consumer   text         not null,
    event_id   uuid         not null,
    type       text         not null,
    payload    text         not null,
    error      text         not null,
    parked_at  timestamptz  not null default now(),
    primary key (consumer, event_id)
);
