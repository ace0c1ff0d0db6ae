-- The making of a plan (docs/plan-service.md): what plan-service keeps beside the case's plan events.

-- The family's comments on the draft (Reg 13(1)): free text, kept only here (never published), one row per
-- case's draft; deleting the row erases them.
create table parent_response (
    case_id        uuid  primary key,
    plan_id        uuid  not null,
    received_date  date  not null,
    comments       text
);

-- A plan in force, from its final issue: written in the final plan's transaction. Later reviews, amendments
-- and cessation keep it current (their own streams, keyed by plan and by review).
create table plan_in_force (
    plan_id                      uuid     primary key,
    case_id                      uuid     not null,
    local_authority_code         text     not null,
    issued_date                  date     not null,
    -- advice requested and not yet in when the final plan was issued: allowed, but flagged
    advice_outstanding_at_issue  boolean  not null
);

create index plan_in_force_case_idx on plan_in_force (case_id);
