-- The caseworker's worklist (docs/assessment-service.md, "Worklist"): one row per case, kept in step with the
-- case's events inside the append's transaction (WorklistProjection, an InlineProjection), plus the
-- caseworker assignment, which is this service's own fact and no statutory event.
create table worklist_entry (
    case_id                  uuid         primary key,
    local_authority_code     text         not null,
    child_ref                text         not null,
    status                   text         not null,
    -- the day the request was received (SEN2's request date)
    received_date            date         not null,
    -- day 0 of the statutory clock: received_date, or the day this council became responsible after a transfer in
    clock_start              date         not null,
    transferred_from_la      text,
    decision                 text,
    decision_date            date,
    outcome                  text,
    conclusion_date          date,
    withdrawn_date           date,
    dispute_kind             text,
    dispute_registered_date  date,
    assigned_caseworker      text,
    -- DECISION_6_WEEKS, NO_PLAN_DECISION_16_WEEKS, FINAL_PLAN_20_WEEKS; null when nothing statutory is due
    next_step                text,
    next_step_due            date,
    -- exceptions on the next step's limit with no end date recorded
    open_exceptions          int          not null default 0,
    constraint worklist_entry_step_has_due check ((next_step is null) = (next_step_due is null))
);

-- GET /api/worklist: one council's cases by due date (then caseId), optionally one caseworker's
create index worklist_entry_la_due_idx on worklist_entry (local_authority_code, next_step_due, case_id);
create index worklist_entry_la_caseworker_due_idx
    on worklist_entry (local_authority_code, assigned_caseworker, next_step_due, case_id);
-- GET /api/cases?childRef=
create index worklist_entry_child_ref_idx on worklist_entry (child_ref);

-- Each exception as recorded (ExceptionRecorded), to count the open ones on the limit the case now waits for.
create table worklist_exception (
    exception_id     uuid   primary key,
    case_id          uuid   not null references worklist_entry (case_id),
    statutory_limit  text   not null,
    reason           text   not null,
    start_date       date   not null,
    end_date         date
);
create index worklist_exception_case_idx on worklist_exception (case_id, statutory_limit);

-- Who assigned whom to a case, and when (PUT/DELETE /api/cases/{caseId}/assignment). Never updated.
create table case_assignment_audit (
    id                   bigserial    primary key,
    case_id              uuid         not null references worklist_entry (case_id),
    -- null: unassigned
    caseworker           text,
    previous_caseworker  text,
    -- the actor, role:id
    changed_by           text         not null,
    changed_at           timestamptz  not null
);
create index case_assignment_audit_case_idx on case_assignment_audit (case_id, id);
