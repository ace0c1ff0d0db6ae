-- The timeline's idempotency guard is case_timeline's own primary key (decision 26; docs/reporting.md, "At national
-- scale"): the batch projection inserts each event once with on conflict (event_id) do nothing returning event_id,
-- instead of a processed_event row AND a timeline row per event (two random-key index entries, the largest cost of
-- the national rebuild once the indexes outgrew the cache: docs/benchmarks.md). The rows it wrote under the
-- timeline's name are read by nothing now: dropped, so that a live database holds what a rebuild builds.
-- processed_event keeps the rows of reporting-case-progress (case_progress and council_month_figure).
delete from processed_event where consumer = 'reporting-case-timeline';
