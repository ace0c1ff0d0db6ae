-- A council's board report without every council's history (docs/reporting.md, "The board at national scale").
-- Indexes only: no table changes, so no rebuild is needed.

-- case_timeline: the cases a council's events name, and the cases transferred in from it (CouncilBoardHistory).
create index case_timeline_la_case_idx on case_timeline (local_authority_code, case_id);
create index case_timeline_transfer_from_idx on case_timeline ((details ->> 'fromLocalAuthorityCode'))
    where type = 'ResponsibilityTransferredIn';

-- case_progress: the ranks' per-council answers (CouncilRankFigures), each a date range.
-- plans issued in a period
create index case_progress_issued_idx on case_progress (final_plan_issued_date)
    where final_plan_issued_date is not null;
-- first decisions whether to assess in a period (a refusal, or the decision when never refused)
create index case_progress_first_decision_idx on case_progress ((least(refused_date, decision_date)))
    where decision_date is not null;
-- the backlog on a day: the cases still open, and those closed after it
create index case_progress_open_idx on case_progress (clock_start) where closed_date is null;
create index case_progress_closed_idx on case_progress (closed_date);
-- the few cases the fold measures instead (transferred in after the day a measure needs their council)
create index case_progress_transferred_idx on case_progress (transferred_in_date)
    where transferred_in_date is not null;

-- /figures for one council (BoardFigures, in SQL): its plans issued in a period, its cases open on a day.
create index case_progress_la_issued_idx on case_progress (local_authority_code, final_plan_issued_date);
create index case_progress_la_closed_idx on case_progress (local_authority_code, closed_date);
