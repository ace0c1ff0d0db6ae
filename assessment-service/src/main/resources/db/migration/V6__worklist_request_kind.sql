-- Re-assessments (Reg 27): the worklist row keeps the request's kind, since a re-assessment's next step is the
-- final plan 14 weeks from the clock start. Every existing row is an initial request (re-assessments could not
-- be recorded before), which is also what AssessmentRequested v1 upcasts to.
alter table worklist_entry add column request_kind text not null default 'INITIAL';
