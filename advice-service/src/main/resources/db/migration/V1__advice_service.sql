-- advice-service's own tables (the event store's are in db/event-store). See docs/advice-service.md.

-- Local view of assessment-service's cases, fed by ehcp.assessment.events: advice may be
-- requested only for a case in status ASSESSING.
create table assessment_case (
    case_id              uuid  primary key,
    local_authority_code text  not null,
    -- AssessmentRequested's business date; null only if a decision arrived for a request never seen
    received_date        date,
    status               text  not null check (status in ('REQUESTED', 'ASSESSING', 'REFUSED', 'WITHDRAWN'))
);

-- One row per advice request, written in the same transaction as the request's events
-- (EventSourcedCommands' alsoInTransaction): the agency inbox and the case's list read it.
create table advice_request_view (
    advice_request_id    uuid  primary key,
    case_id              uuid  not null,
    local_authority_code text  not null,
    advice_type          text  not null,
    agency_id            text  not null,
    requested_date       date  not null,
    due_date             date  not null,
    status               text  not null check (status in ('REQUESTED', 'SUBMITTED', 'CANCELLED')),
    submitted_date       date,
    cancelled_date       date
);

create index advice_request_view_agency_idx on advice_request_view (agency_id, due_date);
create index advice_request_view_case_idx on advice_request_view (case_id, requested_date);

-- The advice text an agency sent with its submission. It may describe the child, so it never
-- goes on Kafka (AdviceSubmitted carries no summary); it stays in this database only.
create table advice_submission (
    advice_request_id    uuid         primary key,
    submitted_by         text         not null,
    summary              text,
    recorded_at          timestamptz  not null default now()
);
