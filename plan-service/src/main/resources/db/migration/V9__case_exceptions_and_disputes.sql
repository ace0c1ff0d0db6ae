-- What plan-service knows of a case beyond its status (docs/plan-service.md, "Local views"): the assessment's
-- conclusion, each exception to a statutory limit and each mediation or tribunal appeal, from
-- ehcp.assessment.events (AssessmentEventsConsumer). Codes and dates only, as published.

alter table assessment_case
    add column concluded_date      date,
    add column assessment_outcome  text
        constraint assessment_case_outcome_check check (assessment_outcome in ('ISSUE_PLAN', 'NO_PLAN'));

create table case_exception (
    exception_id      uuid     primary key,
    case_id           uuid     not null,
    statutory_limit   text     not null,
    reason            text     not null,
    recorded_date     date     not null,
    start_date        date     not null,
    end_date          date,
    -- recorded in error (ExceptionWithdrawn): kept, counted for nothing
    withdrawn         boolean  not null default false
);

create index case_exception_case_idx on case_exception (case_id);

create table case_dispute (
    dispute_id       uuid  primary key,
    case_id          uuid  not null,
    kind             text  not null,
    stage            text  not null,
    registered_date  date  not null,
    outcome          text,
    resolved_date    date
);

create index case_dispute_case_idx on case_dispute (case_id);
