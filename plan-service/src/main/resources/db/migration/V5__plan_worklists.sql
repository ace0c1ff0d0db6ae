-- Caseworkers' lists (docs/plan-service.md, "Worklists"): drafts awaiting the family, consultations unanswered,
-- kept by PlanMakingProjection in the transaction of the case's plan events. Indexes serve one council's list,
-- soonest due first, for a council with 20,000 plans in force.

create table draft_in_progress (
    case_id               uuid  primary key,
    plan_id               uuid  not null,
    local_authority_code  text  not null,
    draft_issued_date     date  not null,
    -- the last of the family's 15 days (Reg 13(1))
    comments_end          date  not null,
    parent_response_date  date,
    final_issued_date     date
);

create index draft_awaiting_family_idx on draft_in_progress (local_authority_code, comments_end)
    where parent_response_date is null and final_issued_date is null;

create table setting_consultation (
    case_id               uuid     not null,
    setting_urn           text     not null,
    plan_id               uuid     not null,
    local_authority_code  text     not null,
    consulted_date        date     not null,
    answer_due            date     not null,
    answered_date         date,
    -- false once the final plan is issued: the LA decided, with or without the answer
    case_open             boolean  not null default true,
    primary key (case_id, setting_urn)
);

create index consultation_unanswered_idx on setting_consultation (local_authority_code, answer_due)
    where answered_date is null and case_open;

-- Drafts and final plans stored before these tables existed (the event table is in this database).
insert into draft_in_progress (case_id, plan_id, local_authority_code, draft_issued_date, comments_end,
                               final_issued_date)
select d.case_id, (d.payload ->> 'planId')::uuid, d.payload ->> 'localAuthorityCode',
       (d.payload ->> 'businessDate')::date, (d.payload ->> 'businessDate')::date + 15,
       (select (f.payload ->> 'businessDate')::date from event f
         where f.stream_id = d.stream_id and f.type = 'FinalPlanIssued' limit 1)
from event d
where d.type = 'DraftPlanIssued'
on conflict (case_id) do nothing;

-- Plans issued before plan_in_force existed: the advice flag was not kept then (false, documented).
insert into plan_in_force (plan_id, case_id, local_authority_code, issued_date, advice_outstanding_at_issue, review_due)
select (f.payload ->> 'planId')::uuid, f.case_id, f.payload ->> 'localAuthorityCode',
       (f.payload ->> 'businessDate')::date, false, ((f.payload ->> 'businessDate')::date + interval '12 months')::date
from event f
where f.type = 'FinalPlanIssued'
on conflict (plan_id) do nothing;
