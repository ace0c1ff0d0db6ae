-- Plan quality audits: one row per PlanQualityAudited (kept by PlanLifeProjection in the event's transaction), with
-- the auditor's notes, which never leave plan-service and are erased on PersonalDetailsErased.
create table plan_quality_audit (
    audit_id              uuid primary key,          -- the event's id
    plan_id               uuid not null references plan_in_force (plan_id),
    case_id               uuid not null,
    local_authority_code  text not null,
    audit_date            date not null,
    recorded_at           timestamptz not null,
    grade                 text not null check (grade in ('OUTSTANDING', 'GOOD', 'REQUIRES_IMPROVEMENT', 'INADEQUATE')),
    score                 integer not null check (score between 0 and 100),
    criteria              text not null,             -- JSON array of {criterion, score}, as on the event
    notes                 text
);

create index plan_quality_audit_plan_idx on plan_quality_audit (plan_id, audit_date, recorded_at);
create index plan_quality_audit_case_idx on plan_quality_audit (case_id);
