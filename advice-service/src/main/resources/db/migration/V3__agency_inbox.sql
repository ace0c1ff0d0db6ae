-- The agency inbox (issue 8 item 3): what the view needs for its filters, its ETags and its `since` cursor,
-- and what rework (item 5) and exceptions (item 6) leave on a request.
alter table advice_request_view
    add column first_submitted_date date,
    add column returned_date        date,
    add column rework_count         integer not null default 0,
    add column exception_reason     text,
    add column exception_date       date,
    -- bumped at every change of the row: the ETag of one request
    add column version              integer not null default 1,
    -- taken from advice_request_change_seq at every change, under a transaction-level advisory lock, so
    -- that changes commit in the order of their numbers and an agency polling with `since` misses none
    add column change_seq           bigint  not null default 0;

create sequence advice_request_change_seq;

-- rows written before this migration get numbers in the order of their requests
update advice_request_view v set change_seq = n.seq
  from (select advice_request_id, nextval('advice_request_change_seq') as seq
          from (select advice_request_id from advice_request_view order by requested_date, advice_request_id) o) n
 where v.advice_request_id = n.advice_request_id;

create index advice_request_view_agency_change_idx on advice_request_view (agency_id, change_seq);
