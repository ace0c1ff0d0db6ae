-- A case may have a new plan after its plan ceased (docs/plan-service.md, "A new plan after a cessation"): the
-- making of each plan (its draft, the family's response, the settings consulted) gets rows of its own, keyed by the
-- plan instead of the case. Every existing row already has its plan_id (one plan per case until now).

alter table parent_response drop constraint parent_response_pkey;
alter table parent_response add primary key (plan_id);
-- erasure (PersonalDetailsErased) finds a case's comments by case
create index parent_response_case_idx on parent_response (case_id);

alter table draft_in_progress drop constraint draft_in_progress_pkey;
alter table draft_in_progress add primary key (plan_id);

alter table setting_consultation drop constraint setting_consultation_pkey;
alter table setting_consultation add primary key (plan_id, setting_urn);
