-- assessment-service's local view of plan-service's final plans (docs/assessment-service.md, "Final plan issued"):
-- one row per case, from FinalPlanIssued on ehcp.plan.events (messaging/PlanEventsConsumer), written in the
-- consumer's transaction together with its processed_event row. The rules read it before deciding an exception or
-- a transfer in; the worklist row of the case takes the issue date in the same transaction.
create table final_plan_issued (
    case_id      uuid  primary key,
    plan_id      uuid  not null,
    -- the FinalPlanIssued businessDate
    issued_date  date  not null
);

-- the day the final plan was issued: from then on the case has no next statutory step
alter table worklist_entry add column final_plan_issued_date date;
