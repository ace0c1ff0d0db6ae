package org.ehcptracker.reporting.persistence;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.RequestKind;
import org.ehcptracker.reporting.domain.CaseProgress;
import org.ehcptracker.reporting.domain.EventSource;
import org.ehcptracker.reporting.domain.MonthlyFigures;

/**
 * Applies a batch of events to the three projected tables in ONE transaction with set-based SQL (plain SQL on the
 * Vert.x reactive PostgreSQL client: arrays and {@code unnest}, one statement per step whatever the batch's size):
 * <ol>
 * <li>the idempotency guard of case_progress: one multi-row insert into {@code processed_event} under its consumer
 *     name, {@code on conflict do nothing returning event_id}: only the events it has not applied go on. It comes
 *     first: processed_event is the table a read-model switch locks first (ReadModelSchemas), so every transaction
 *     that writes case_progress takes its locks in the switch's order;</li>
 * <li>{@code case_timeline}: one multi-row insert of the batch's events, {@code on conflict (event_id) do nothing
 *     returning event_id}: the timeline's primary key IS its guard (decision 26: one row, one random-key index entry
 *     per event instead of a processed_event row and a timeline row, which the national benchmark measured as the
 *     largest cost once the indexes outgrow the cache); the details are stripped of the common fields by
 *     PostgreSQL, which parses the JSON into jsonb anyway;</li>
 * <li>{@code case_progress}: the affected cases' rows made to exist, then all of them read in one
 *     {@code select ... for no key update} ordered by case id (the three topic consumers may touch the same cases
 *     at the same time; one lock order means no deadlock), merged in Java with {@link CaseProgress#apply} (order-
 *     independent) and written back with one multi-row upsert;</li>
 * <li>{@code council_month_figure}: the changed cases' {@link MonthlyFigures#delta} added by one upsert
 *     ({@code value = value + excluded.value}), in cell order (again one lock order).</li>
 * </ol>
 * Table names are unqualified, so a process whose search_path is another schema projects into that schema.
 */
@ApplicationScoped
public class ProjectionBatchStore {

    /** What a batch changed: events new to the timeline, events new to case_progress. */
    public record Applied(int timeline, int progress) {
    }

    static final String GUARD_SQL = """
            insert into processed_event (consumer, event_id)
            select $1, id from unnest($2::uuid[]) as t(id) order by id
            on conflict do nothing
            returning event_id""";

    /** The details: the record's JSON minus the common fields (CaseTimelineStore.COMMON_FIELDS), in SQL. */
    static final String TIMELINE_SQL = """
            insert into case_timeline (event_id, case_id, local_authority_code, source, type,
                business_date, occurred_at, details)
            select e, c, l, s, t, b, o, cast(d as jsonb) - array['type', 'eventId', 'caseId', 'localAuthorityCode',
                'businessDate', 'occurredAt', 'schemaVersion']
            from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::timestamptz[],
                        $8::text[]) as u(e, c, l, s, t, b, o, d)
            on conflict (event_id) do nothing
            returning event_id""";

    static final String ENSURE_ROWS_SQL = """
            insert into case_progress (case_id)
            select id from unnest($1::uuid[]) as t(id) order by id
            on conflict do nothing""";

    static final String COLUMNS = "case_id, local_authority_code, received_date, transferred_in_date, clock_start, "
            + "status, closed_date, decision, decision_date, withdrawn_date, assessment_outcome, "
            + "assessment_outcome_date, final_plan_issued_date, issue_clock_start, within_20_weeks, days_to_issue, "
            + "mediation_or_tribunal, has_20_week_exception, twenty_week_exception_ids, withdrawn_exception_ids, "
            + "refused_date, refusal_dispute_date, request_kind";

    static final String LOCK_SQL = "select " + COLUMNS + " from case_progress where case_id = any($1) "
            + "order by case_id for no key update";

    static final String UPSERT_SQL = "insert into case_progress (" + COLUMNS + ") select * from unnest("
            + "$1::uuid[], $2::text[], $3::date[], $4::date[], $5::date[], $6::text[], $7::date[], $8::text[], "
            + "$9::date[], $10::date[], $11::text[], $12::date[], $13::date[], $14::date[], $15::boolean[], "
            + "$16::int[], $17::boolean[], $18::boolean[], $19::text[], $20::text[], $21::date[], $22::date[], "
            + "$23::text[]) on conflict (case_id) do update set "
            + String.join(", ", java.util.Arrays.stream(COLUMNS.split(", ")).skip(1)
                    .map(c -> c + " = excluded." + c).toList());

    static final String FIGURES_SQL = """
            insert into council_month_figure (local_authority_code, month, measure, value)
            select l, m, s, v from unnest($1::text[], $2::date[], $3::text[], $4::bigint[]) as u(l, m, s, v)
            on conflict (local_authority_code, month, measure) do update
            set value = council_month_figure.value + excluded.value""";

    private static final UuidSetConverter IDS = new UuidSetConverter();

    /** The steps of a batch, each timed as {@code ehcp.projection.step{step=...}} (docs/benchmarks.md, national). */
    static final List<String> STEPS = List.of("transaction", "guard-progress", "timeline",
            "ensure-rows", "lock", "merge", "upsert", "figures");

    private final Pool pool;
    private final Map<String, Timer> timers = new java.util.HashMap<>();

    public ProjectionBatchStore(Pool pool, MeterRegistry meters) {
        this.pool = pool;
        for (String step : STEPS) {
            timers.put(step, Timer.builder("ehcp.projection.step").tag("step", step)
                    .description("time of one step of a projection batch (ProjectionBatchStore)").register(meters));
        }
    }

    /** The work, timed under its step from subscription to its item. */
    private <T> Uni<T> timed(String step, Supplier<Uni<T>> work) {
        Timer timer = timers.get(step);
        return Uni.createFrom().deferred(() -> {
            long started = System.nanoTime();
            return work.get().invoke(() -> timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
        });
    }

    /**
     * Applies the events (readable, each with its record value as published) in one transaction.
     *
     * @param events          event to its record value; one entry per event id
     * @param progressConsumer processed_event.consumer of case_progress (and council_month_figure, kept with it)
     */
    public Uni<Applied> apply(Map<IntegrationEvent, String> events, String progressConsumer) {
        Map<UUID, IntegrationEvent> byId = new TreeMap<>();
        Map<UUID, String> jsonById = new LinkedHashMap<>();
        events.forEach((e, json) -> {
            byId.putIfAbsent(e.eventId(), e);
            jsonById.putIfAbsent(e.eventId(), json);
        });
        List<UUID> affectingProgress = byId.values().stream().filter(CaseProgress::isAffectedBy)
                .map(IntegrationEvent::eventId).toList();
        return timed("transaction", () -> pool.withTransaction(conn -> timed("guard-progress",
                        () -> guard(conn, progressConsumer, affectingProgress))
                .chain(newToProgress -> timed("timeline", () -> recordTimeline(conn, byId, jsonById))
                        .chain(newToTimeline -> applyProgress(conn, newToProgress, byId)
                                .replaceWith(new Applied(newToTimeline.size(), newToProgress.size()))))));
    }

    private static Uni<Set<UUID>> guard(SqlConnection conn, String consumer, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return conn.preparedQuery(GUARD_SQL).execute(Tuple.of(consumer, ids.toArray(UUID[]::new)))
                .map(ProjectionBatchStore::ids);
    }

    /** Inserts the events the timeline does not have yet; answers their ids (its primary key is the guard). */
    private static Uni<Set<UUID>> recordTimeline(SqlConnection conn, Map<UUID, IntegrationEvent> byId,
                                                 Map<UUID, String> jsonById) {
        int n = byId.size();
        UUID[] eventIds = new UUID[n];
        UUID[] caseIds = new UUID[n];
        String[] las = new String[n];
        String[] sources = new String[n];
        String[] types = new String[n];
        LocalDate[] dates = new LocalDate[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        String[] details = new String[n];
        int i = 0;
        for (Map.Entry<UUID, IntegrationEvent> entry : byId.entrySet()) {
            UUID id = entry.getKey();
            IntegrationEvent e = entry.getValue();
            eventIds[i] = id;
            caseIds[i] = e.caseId();
            las[i] = e.localAuthorityCode();
            sources[i] = EventSource.of(e).label();
            types[i] = e.getClass().getSimpleName();
            dates[i] = e.businessDate();
            occurred[i] = e.occurredAt().atOffset(ZoneOffset.UTC);
            details[i] = CaseTimelineStore.detailsSource(types[i], jsonById.get(id));
            i++;
        }
        return conn.preparedQuery(TIMELINE_SQL)
                .execute(Tuple.from(List.<Object>of(eventIds, caseIds, las, sources, types, dates, occurred, details)))
                .map(ProjectionBatchStore::ids);
    }

    private static Set<UUID> ids(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        Set<UUID> ids = new HashSet<>();
        for (Row row : rows) {
            ids.add(row.getUUID(0));
        }
        return ids;
    }

    private Uni<Void> applyProgress(SqlConnection conn, Set<UUID> fresh, Map<UUID, IntegrationEvent> byId) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // the new events by case, in case id order (the lock order)
        Map<UUID, List<IntegrationEvent>> byCase = new TreeMap<>();
        for (UUID id : byId.keySet()) {
            if (fresh.contains(id)) {
                IntegrationEvent e = byId.get(id);
                byCase.computeIfAbsent(e.caseId(), c -> new ArrayList<>()).add(e);
            }
        }
        UUID[] caseIds = byCase.keySet().toArray(UUID[]::new);
        return timed("ensure-rows", () -> conn.preparedQuery(ENSURE_ROWS_SQL).execute(Tuple.of((Object) caseIds)))
                .chain(() -> timed("lock", () -> conn.preparedQuery(LOCK_SQL).execute(Tuple.of((Object) caseIds))))
                .chain(rows -> {
                    long merging = System.nanoTime();
                    List<CaseProgress> before = new ArrayList<>();
                    for (Row row : rows) {
                        before.add(caseProgress(row));
                    }
                    List<CaseProgress> after = new ArrayList<>();
                    for (CaseProgress c : before) {
                        CaseProgress merged = c;
                        for (IntegrationEvent e : byCase.get(c.caseId())) {
                            merged = merged.apply(e);
                        }
                        after.add(merged);
                    }
                    List<Map.Entry<MonthlyFigures.Cell, Long>> delta = MonthlyFigures.delta(before, after);
                    Tuple upsert = upsertTuple(after);
                    timers.get("merge").record(System.nanoTime() - merging, TimeUnit.NANOSECONDS);
                    return timed("upsert", () -> conn.preparedQuery(UPSERT_SQL).execute(upsert))
                            .chain(() -> timed("figures", () -> addFigures(conn, delta)));
                });
    }

    private Uni<Void> addFigures(SqlConnection conn, List<Map.Entry<MonthlyFigures.Cell, Long>> delta) {
        if (delta.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = delta.size();
        String[] las = new String[n];
        LocalDate[] months = new LocalDate[n];
        String[] measures = new String[n];
        Long[] values = new Long[n];
        for (int i = 0; i < n; i++) {
            MonthlyFigures.Cell cell = delta.get(i).getKey();
            las[i] = cell.localAuthorityCode();
            months[i] = cell.month();
            measures[i] = cell.measure().name();
            values[i] = delta.get(i).getValue();
        }
        return conn.preparedQuery(FIGURES_SQL).execute(Tuple.of(las, months, measures, values)).replaceWithVoid();
    }

    /** The row as the domain sees it (the derived columns are not read back: the domain derives them). */
    static CaseProgress caseProgress(Row r) {
        return new CaseProgress(r.getUUID("case_id"), r.getString("local_authority_code"),
                r.getLocalDate("received_date"), r.getLocalDate("transferred_in_date"),
                enumOf(AssessmentDecision.class, r.getString("decision")), r.getLocalDate("decision_date"),
                r.getLocalDate("withdrawn_date"),
                enumOf(AssessmentOutcome.class, r.getString("assessment_outcome")),
                r.getLocalDate("assessment_outcome_date"), r.getLocalDate("final_plan_issued_date"),
                r.getLocalDate("issue_clock_start"), Boolean.TRUE.equals(r.getBoolean("mediation_or_tribunal")),
                IDS.convertToEntityAttribute(r.getString("twenty_week_exception_ids")),
                IDS.convertToEntityAttribute(r.getString("withdrawn_exception_ids")),
                r.getLocalDate("refused_date"), r.getLocalDate("refusal_dispute_date"),
                enumOf(RequestKind.class, r.getString("request_kind")));
    }

    /** Every column of every case: its facts and what they derive (the domain's answers, stored for SQL readers). */
    static Tuple upsertTuple(List<CaseProgress> cases) {
        int n = cases.size();
        Object[][] columns = {new UUID[n], new String[n], new LocalDate[n], new LocalDate[n], new LocalDate[n],
            new String[n], new LocalDate[n], new String[n], new LocalDate[n], new LocalDate[n], new String[n],
            new LocalDate[n], new LocalDate[n], new LocalDate[n], new Boolean[n], new Integer[n], new Boolean[n],
            new Boolean[n], new String[n], new String[n], new LocalDate[n], new LocalDate[n], new String[n]};
        for (int i = 0; i < n; i++) {
            CaseProgress c = cases.get(i);
            Object[] values = {c.caseId(), c.localAuthorityCode(), c.receivedDate(), c.transferredInDate(),
                c.clockStart(), c.status().name(), c.closedDate(), nameOf(c.decision()), c.decisionDate(),
                c.withdrawnDate(), nameOf(c.assessmentOutcome()), c.assessmentOutcomeDate(), c.finalPlanIssuedDate(),
                c.issueClockStart(), c.within20Weeks(), c.daysToIssue(), c.mediationOrTribunal(),
                c.has20WeekException(), IDS.convertToDatabaseColumn(c.twentyWeekExceptionIds()),
                IDS.convertToDatabaseColumn(c.withdrawnExceptionIds()), c.refusedDate(), c.refusalDisputeDate(),
                nameOf(c.requestKind())};
            for (int col = 0; col < columns.length; col++) {
                columns[col][i] = values[col];
            }
        }
        return Tuple.from(List.<Object>of((Object[]) columns));
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
