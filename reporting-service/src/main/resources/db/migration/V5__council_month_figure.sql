-- Pre-aggregated board figures (docs/reporting.md, "At national scale"): per council, calendar month (its first
-- day) and measure (domain.MonthlyFigures.Measure), a sum over the council's cases. Kept by the batch projection in
-- the same transaction as case_progress, by deltas: each changed case's contributions after the batch minus those
-- before it (MonthlyFigures.contributions is the one definition). A board query reads a few rows per council and
-- month, whatever the size of the history.
-- Databases with case_progress rows from before this table need a rebuild from the topics (docs/reporting.md,
-- "Rebuilding"): the table starts empty and only changed cases' deltas reach it.
create table council_month_figure (
    local_authority_code  text    not null,
    month                 date    not null check (extract(day from month) = 1),
    measure               text    not null,
    value                 bigint  not null,
    primary key (local_authority_code, month, measure)
);
-- all councils for a period (the national table): the primary key serves a council; this serves a month range
create index council_month_figure_month_idx on council_month_figure (month, measure);
