-- Exceptions withdrawn as recorded in error (docs/reporting.md, case_progress):
-- twenty_week_exception_ids: the exceptionIds of every ExceptionRecorded against FINAL_PLAN_20_WEEKS;
-- withdrawn_exception_ids: the exceptionIds of every ExceptionWithdrawn (of any limit: the event does not name it).
-- Both sorted, comma-separated, '' when none. has_20_week_exception stays, now derived: some id of the first
-- that is not in the second. Rows written before these columns existed need a rebuild from the topics
-- (docs/reporting.md, "Rebuilding"): their flag would otherwise be cleared at their next event.
alter table case_progress add column twenty_week_exception_ids text not null default '';
alter table case_progress add column withdrawn_exception_ids text not null default '';
