-- Case life and the default advice set (issue 8 items 7 and 2): a case concluded without a plan closes like
-- a refused or withdrawn one; the view keeps the day the case was decided or closed, and whether the
-- council's default advice set has been raised for it (the follow-ups run after the consumer's commit,
-- since an append must be its transaction's first write: see docs/advice-service.md "Follow-ups").
alter table assessment_case drop constraint assessment_case_status_check;
alter table assessment_case add constraint assessment_case_status_check
    check (status in ('REQUESTED', 'ASSESSING', 'REFUSED', 'WITHDRAWN', 'CONCLUDED_WITHOUT_PLAN'));
alter table assessment_case
    add column decided_date      date,
    add column closed_date       date,
    -- true for the cases seen before this migration: their advice was requested by hand
    add column default_set_raised boolean not null default false;
update assessment_case set default_set_raised = true;
