-- One row per relay (name defaults to its Kafka topic): the (tx_id, position) of the last event
-- the broker acknowledged. Only ever moves forward.
create table relay_checkpoint (
    relay     text    primary key,
    tx_id     xid8    not null,
    position  bigint  not null
);
