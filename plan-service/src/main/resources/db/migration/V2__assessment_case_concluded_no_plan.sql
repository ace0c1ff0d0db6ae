-- AssessmentConcluded with outcome NO_PLAN (the LA decided not to issue a plan, Reg 10) closes a
-- case to plans: assessment_case.status may now be CONCLUDED_NO_PLAN (see docs/plan-service.md).
alter table assessment_case drop constraint assessment_case_status_check;
alter table assessment_case add constraint assessment_case_status_check
    check (status in ('REQUESTED', 'ASSESSING', 'REFUSED', 'WITHDRAWN', 'CONCLUDED_NO_PLAN'));
