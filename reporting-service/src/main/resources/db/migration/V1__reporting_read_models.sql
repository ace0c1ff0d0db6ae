-- reporting-service read models (docs/reporting.md). Both tables are projections of the three
-- topics and can be dropped and rebuilt from them; nothing here is a source of truth.

-- Every event of every case, as it arrived: the case timeline.
create table case_timeline (
    event_id              uuid         primary key,
    case_id               uuid         not null,
    local_authority_code  text         not null,
    -- the publishing service / topic: assessment, advice or plan
    source                text         not null check (source in ('assessment', 'advice', 'plan')),
    type                  text         not null,
    business_date         date         not null,
    occurred_at           timestamptz  not null,
    -- the event JSON minus the common fields (type, eventId, caseId, localAuthorityCode,
    -- businessDate, occurredAt, schemaVersion)
    details               jsonb        not null
);

create index case_timeline_case_idx on case_timeline (case_id, business_date, occurred_at);

-- One row per case: where it stands and its 20-week figures. Written by CaseProgress.apply in Java
-- (an order-independent merge) under a row lock; the derived columns (clock_start, status,
-- closed_date, within_20_weeks, days_to_issue) are stored for SQL readers and always recomputed
-- from the facts on write.
create table case_progress (
    case_id                  uuid     primary key,
    local_authority_code     text,
    received_date            date,
    transferred_in_date      date,
    clock_start              date,
    status                   text     not null default 'OPEN'
                                      check (status in ('OPEN', 'REFUSED', 'WITHDRAWN', 'PLAN_ISSUED', 'NO_PLAN')),
    closed_date              date,
    decision                 text     check (decision in ('ASSESS', 'REFUSE')),
    decision_date            date,
    withdrawn_date           date,
    assessment_outcome       text     check (assessment_outcome in ('ISSUE_PLAN', 'NO_PLAN')),
    assessment_outcome_date  date,
    final_plan_issued_date   date,
    -- FinalPlanIssued.requestReceivedDate: the clock start the issue figures count from
    issue_clock_start        date,
    within_20_weeks          boolean,
    days_to_issue            int,
    mediation_or_tribunal    boolean  not null default false,
    has_20_week_exception    boolean  not null default false
);

create index case_progress_la_idx on case_progress (local_authority_code);
