-- plan-service's local views of other services' facts, fed by Kafka (see docs/plan-service.md).
-- Both are rebuilt from the topics by replaying them into an empty database.

-- From ehcp.assessment.events: which cases the LA accepted for assessment, and their clock start.
create table assessment_case (
    case_id               uuid  primary key,
    local_authority_code  text  not null,
    -- day 0 of the 20-week clock: the date the request was received; a ResponsibilityTransferredIn
    -- replaces it with the day this LA became responsible (the clock restarts)
    clock_start           date  not null,
    status                text  not null
        constraint assessment_case_status_check check (status in ('REQUESTED', 'ASSESSING', 'REFUSED', 'WITHDRAWN'))
);

-- From ehcp.advice.events: the advice requested for each case and whether it is in.
create table case_advice (
    advice_request_id  uuid  primary key,
    case_id            uuid  not null,
    advice_type        text  not null,
    agency_id          text  not null,
    due_date           date  not null,
    status             text  not null
        constraint case_advice_status_check check (status in ('REQUESTED', 'SUBMITTED', 'CANCELLED')),
    submitted_date     date
);

create index case_advice_case_idx on case_advice (case_id);
