-- Decisions that change and the exact dispute rule (docs/reporting.md):
-- refused_date: the latest refusal's date, so that a past day can tell whether the case stood refused then
--   (a later decision to assess, in decision/decision_date, overturns it from its own date);
-- refusal_dispute_date: the earliest registration of a dispute about a refusal to assess or to issue a plan;
--   the assessment leaves the 20-week measure when it is on or before final_plan_issued_date.
-- Rows written before this column existed need a rebuild from the topics (docs/reporting.md, "Rebuilding").
alter table case_progress add column refused_date date;
alter table case_progress add column refusal_dispute_date date;
