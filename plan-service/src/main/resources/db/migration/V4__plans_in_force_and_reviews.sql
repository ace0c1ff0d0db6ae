-- Plans in force and their annual reviews (docs/plan-service.md): kept by PlanLifeProjection in the same
-- transaction as the events of the plan's stream (planId) and of each review's stream (reviewId).

alter table plan_in_force
    add column last_review_meeting  date,
    -- s.44: 12 months after the issue, or after the last review meeting
    add column review_due           date,
    -- a review held and not finished (undecided, or decided AMEND and not yet amended)
    add column open_review_id       uuid,
    add column ceased_date          date,
    add column cease_reason         text;

update plan_in_force set review_due = (issued_date + interval '12 months')::date where review_due is null;
alter table plan_in_force alter column review_due set not null;

-- caseworkers' lists: plans in force of a council by review due date
create index plan_in_force_review_due_idx on plan_in_force (local_authority_code, review_due)
    where ceased_date is null;

create table annual_review (
    review_id             uuid  primary key,
    plan_id               uuid  not null references plan_in_force (plan_id),
    case_id               uuid  not null,
    local_authority_code  text  not null,
    meeting_date          date  not null,
    decision_due          date  not null,
    outcome               text
        constraint annual_review_outcome_check check (outcome in ('KEEP', 'AMEND', 'CEASE')),
    decided_date          date,
    amended_plan_due      date,
    amended_issued_date   date
);

create index annual_review_plan_idx on annual_review (plan_id, meeting_date);
-- review decisions overdue, per council
create index annual_review_undecided_idx on annual_review (local_authority_code, decision_due)
    where outcome is null;
-- amended plans overdue, per council
create index annual_review_amendment_idx on annual_review (local_authority_code, amended_plan_due)
    where outcome = 'AMEND' and amended_issued_date is null;
