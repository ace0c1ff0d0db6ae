-- Re-assessments (Reg 27) stay out of the DfE measures (docs/reporting.md, "Initial requests only"):
-- request_kind is AssessmentRequested.requestKind (INITIAL or REASSESSMENT), null until the request is seen.
-- Rows written before it existed are initial requests (re-assessments could not be recorded before v2), so the
-- null they get is read as initial, the same as the upcaster's answer: no rebuild needed.
alter table case_progress add column request_kind varchar(20);
