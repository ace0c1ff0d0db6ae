package org.ehcptracker.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.VertxContexts;
import org.ehcptracker.kit.persistence.Transactions;
import org.ehcptracker.reporting.app.BoardReports;
import org.ehcptracker.reporting.domain.BacklogView;
import org.ehcptracker.reporting.domain.BoardMeasures.TrendStep;
import org.ehcptracker.reporting.domain.BoardReport;
import org.ehcptracker.reporting.domain.CaseFile;
import org.ehcptracker.reporting.domain.Events;
import org.ehcptracker.reporting.domain.TimelinessFigures;
import org.ehcptracker.reporting.messaging.DirectProjection;
import org.ehcptracker.reporting.messaging.ReportingProjections;
import org.ehcptracker.reporting.persistence.CaseProgressStore;
import org.ehcptracker.reporting.persistence.CaseTimelineStore;
import org.ehcptracker.reporting.persistence.CouncilRankFigures;
import org.junit.jupiter.api.Test;

/**
 * A council's board report from its own cases and SQL ranks (BoardReports, CouncilRankFigures, CouncilBoardHistory)
 * against the fold of every council's timeline it replaces (BoardReport.of over CaseTimelineStore.recordedBy), and
 * /figures' SQL sums (CaseProgressStore.timeliness/backlog) against TimelinessFigures and BacklogView over the
 * council's rows: generated histories (seeded) in councils 983-986, with transfers before and after decisions, after
 * a period's end, and from a council (987) no event of which names it; hand-worked values in councils 988 and 989.
 * The same boot as the other service tests.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class BoardRanksSqlTest {

    static final List<String> COUNCILS = List.of("983", "984", "985", "986");
    static final String ONLY_TRANSFERRED_FROM = "987";
    static final LocalDate END = LocalDate.parse("2025-12-31");
    static final long SEED = 20261129L;
    static final EventJson EVENTS = new EventJson();
    static final Duration PATIENCE = Duration.ofSeconds(120);

    @Inject
    ReportingProjections projections;

    @Inject
    BoardReports reports;

    @Inject
    CaseTimelineStore timeline;

    @Inject
    CaseProgressStore progress;

    @Inject
    CouncilRankFigures rankFigures;

    // ---- generated histories, as the command services allow them ------------------------------------------------

    static int between(Random r, int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    static String other(Random r, String la) {
        List<String> others = COUNCILS.stream().filter(c -> !c.equals(la)).toList();
        return others.get(r.nextInt(others.size()));
    }

    /**
     * One case: a request (one in ten a re-assessment; one in fifteen starting as a transfer from 987), transfers in
     * (one in five: before the decision, between the decision and the plan, or late, possibly after any period's
     * end; sometimes two), a decision (one in five a refusal, some overturned after a dispute about it), exceptions
     * (some withdrawn), and an end: withdrawn, no plan, a plan (a dispute about a refusal to issue before or after
     * it, or about its contents), or still open.
     */
    static List<IntegrationEvent> oneCase(Random r) {
        List<IntegrationEvent> ev = new ArrayList<>();
        UUID id = UUID.randomUUID();
        String la = COUNCILS.get(r.nextInt(COUNCILS.size()));
        Events c = new Events(id, la);
        LocalDate received = LocalDate.parse("2023-01-01").plusDays(r.nextInt(1000));
        boolean reassessment = r.nextInt(10) == 0;
        ev.add(reassessment ? c.reassessmentRequested(received) : c.requested(received));
        LocalDate start = received;
        if (r.nextInt(15) == 0) {
            // recorded by the receiving council as a transfer: the previous council's events are not in the system
            start = received.plusDays(between(r, 3, 40));
            ev.add(c.transferredIn(start, ONLY_TRANSFERRED_FROM));
        }
        int transferAt = r.nextInt(5) == 0 ? r.nextInt(3) : -1; // 0 before the decision, 1 after it, 2 late
        if (transferAt == 0) {
            String to = other(r, c.la());
            start = start.plusDays(between(r, 2, 30));
            ev.add(new Events(id, to).transferredIn(start, c.la()));
            c = new Events(id, to);
        }
        LocalDate decided = start.plusDays(between(r, 15, 70));
        boolean refused = r.nextInt(5) == 0;
        ev.add(c.decided(decided, refused ? AssessmentDecision.REFUSE : AssessmentDecision.ASSESS));
        if (refused) {
            if (r.nextInt(10) < 4) {
                ev.add(c.dispute(decided.plusDays(between(r, 5, 30)), DisputeKind.MEDIATION,
                        DisputeStage.REFUSAL_TO_ASSESS));
                decided = decided.plusDays(between(r, 30, 120));
                ev.add(c.decided(decided, AssessmentDecision.ASSESS));
            } else {
                if (r.nextBoolean()) {
                    ev.add(c.withdrawn(decided.plusDays(between(r, 1, 60))));
                }
                return cut(ev);
            }
        }
        if (transferAt == 1 || (transferAt == 0 && r.nextInt(3) == 0)) {
            String to = other(r, c.la());
            start = decided.plusDays(between(r, 1, 40));
            ev.add(new Events(id, to).transferredIn(start, c.la()));
            c = new Events(id, to);
        }
        if (r.nextInt(100) < 15) {
            ExceptionRecorded ex = c.exception(start.plusDays(between(r, 30, 120)),
                    reassessment ? StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT : StatutoryLimit.FINAL_PLAN_20_WEEKS);
            ev.add(ex);
            if (r.nextInt(3) == 0) {
                ev.add(c.exceptionWithdrawn(ex.businessDate().plusDays(between(r, 1, 30)), ex));
            }
        }
        if (r.nextInt(4) == 0) {
            AdviceRequested req = c.adviceRequested(decided.plusDays(between(r, 0, 7)),
                    AdviceType.EDUCATIONAL_PSYCHOLOGY, "EPS-" + c.la());
            ev.add(req);
            if (r.nextBoolean()) {
                ev.add(c.adviceSubmitted(req.businessDate().plusDays(between(r, 20, 70)), req));
            }
        }
        int end = r.nextInt(20);
        LocalDate closed = null;
        if (end == 0) {
            closed = (start.isAfter(decided) ? start : decided).plusDays(between(r, 5, 60));
            ev.add(c.withdrawn(closed));
        } else if (end < 3) {
            closed = start.plusDays(between(r, 90, 130));
            ev.add(c.concluded(closed, AssessmentOutcome.NO_PLAN));
        } else if (end < 17) {
            LocalDate draft = start.plusDays(between(r, 70, 130));
            closed = draft.plusDays(between(r, 15, 50));
            ev.add(c.draftPlan(draft));
            ev.add(c.concluded(draft.minusDays(1), AssessmentOutcome.ISSUE_PLAN));
            ev.add(c.finalPlan(closed, start));
            int dispute = r.nextInt(20);
            if (dispute == 0) {
                ev.add(c.dispute(closed.minusDays(between(r, 0, 20)), DisputeKind.TRIBUNAL,
                        DisputeStage.REFUSAL_TO_ISSUE_PLAN));
            } else if (dispute == 1) {
                ev.add(c.dispute(closed.plusDays(between(r, 1, 60)), DisputeKind.TRIBUNAL,
                        DisputeStage.REFUSAL_TO_ISSUE_PLAN));
            } else if (dispute == 2) {
                ev.add(c.dispute(closed.plusDays(between(r, 5, 60)), DisputeKind.TRIBUNAL, DisputeStage.PLAN_CONTENTS));
            }
        }
        if (transferAt == 2) {
            // late: while the case is open (before it closed, or whenever if it never did), possibly after a
            // period's end, so the period's backlog was the first council's
            LocalDate late = start.plusDays(between(r, 50, 400));
            if (closed == null || late.isBefore(closed)) {
                ev.add(new Events(id, other(r, c.la())).transferredIn(late, c.la()));
            }
        }
        return cut(ev);
    }

    static List<IntegrationEvent> cut(List<IntegrationEvent> ev) {
        return ev.stream().filter(e -> !e.businessDate().isAfter(END)).toList();
    }

    private static boolean generated;

    /** The generated history of councils 983-986, projected once for both tests that read it. */
    synchronized void generated() {
        if (generated) {
            return;
        }
        Random r = new Random(SEED);
        List<IntegrationEvent> events = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            events.addAll(oneCase(r));
        }
        project(events, SEED);
        generated = true;
    }

    // ---- the oracle test ---------------------------------------------------------------------------------------

    @Test
    void a_councils_report_from_its_own_cases_and_sql_ranks_equals_the_fold_of_every_timeline() {
        generated();
        Random r = new Random(SEED);

        List<String> councils = new ArrayList<>(COUNCILS);
        councils.add(ONLY_TRANSFERRED_FROM);
        int compared = 0;
        int ranked = 0;
        int foldedDecisions = 0;
        int foldedBacklog = 0;
        for (int k = 0; k < 24; k++) {
            String la = councils.get(k % councils.size());
            LocalDate from = LocalDate.parse("2023-01-01").plusDays(r.nextInt(900));
            LocalDate to = k % 6 == 0 ? END : from.plusDays(r.nextInt(400));
            to = to.isAfter(END) ? END : to;
            LocalDate f = from;
            LocalDate t = to;
            await().atMost(PATIENCE).untilAsserted(() -> {
                BoardReport wholeFold = inContext(() -> Transactions.inSession(s -> timeline.recordedBy(null))
                        .map(rows -> BoardReport.of(la, f, t, TrendStep.MONTH, null,
                                CaseFile.fold(CaseTimelineStore.events(rows)))));
                BoardReport ownCasesAndSql = inContext(() -> reports.of(la, f, t, TrendStep.MONTH, null));
                assertThat(ownCasesAndSql).as("council %s, %s to %s", la, f, t).isEqualTo(wholeFold);
            });
            compared++;
            BoardReport report = inContext(() -> reports.of(la, f, t, TrendStep.MONTH, null));
            ranked += report.ranks().percentDecisionsWithin6Weeks().rank() != null ? 1 : 0;
            var folded = inContext(() -> rankFigures.transferredAfter(f, t));
            foldedDecisions += folded.decisions().size();
            foldedBacklog += folded.backlog().size();
        }
        assertThat(compared).isEqualTo(24);
        // the comparisons were not empty: councils had ranks, and cases went through both paths
        assertThat(ranked).isGreaterThan(12);
        assertThat(foldedDecisions).isPositive();
        assertThat(foldedBacklog).isPositive();
    }

    @Test
    void figures_summed_in_sql_equal_the_domain_over_the_councils_rows() {
        generated();
        Random r = new Random(SEED + 1);
        for (int k = 0; k < 16; k++) {
            String la = COUNCILS.get(k % COUNCILS.size());
            LocalDate from = LocalDate.parse("2023-01-01").plusDays(r.nextInt(900));
            LocalDate to = from.plusDays(r.nextInt(500));
            to = to.isAfter(END) ? END : to;
            LocalDate f = from;
            LocalDate t = to;
            await().atMost(PATIENCE).untilAsserted(() -> {
                var rows = inContext(() -> Transactions.inSession(s -> progress.forLocalAuthority(la)));
                TimelinessFigures sqlTimeliness = inContext(() -> progress.timeliness(la, f, t));
                BacklogView sqlBacklog = inContext(() -> progress.backlog(la, t));
                assertThat(sqlTimeliness).isEqualTo(TimelinessFigures.compute(la, f, t, rows));
                assertThat(sqlBacklog).isEqualTo(BacklogView.of(la, t, rows));
            });
        }
    }

    /**
     * Hand-worked, councils 988 and 989, 2024 (a leap year), backlog on 2024-12-31:
     * <ul>
     * <li>H1 (988) requested 2024-01-08, assess 2024-02-12 (day 35), plan 2024-05-20 (day 133: in time);</li>
     * <li>H2 (988) requested 2024-01-15, refused 2024-03-04 (day 49: late), mediation about the refusal 2024-03-20,
     *     assess 2024-05-01 (not a second decision), plan 2024-09-02: out of the 20 weeks (dispute before issue);</li>
     * <li>H3 (988) requested 2024-02-01, assess 2024-03-01 (day 29), plan 2024-07-01 (day 151: late);</li>
     * <li>H4 (988) requested 2024-06-03, assess 2024-07-08 (day 35), open: 211 days on 2024-12-31;</li>
     * <li>H5 (988) requested 2024-10-01, open: 91 days;</li>
     * <li>H6 requested of 989 2024-03-01, assessed by 989 2024-04-05 (day 35: 989's decision), transferred in to 988
     *     2024-05-01: open for 988, 244 days from the transfer;</li>
     * <li>H7 requested of 989 2024-11-01, transferred in to 988 2025-01-10: on 2024-12-31 in 989's backlog, 60 days.</li>
     * </ul>
     * 988: plans excluding exceptions 2, 1 in time: 50.0%; decisions H1-H4, 3 of 4 in time: 75.0%; open 91, 211,
     * 244: median 211 days = 30.1 weeks. 989: no plan; decisions 1 of 1: 100.0%; open 60 days = 8.6 weeks.
     */
    @Test
    void hand_worked_rank_values() {
        List<IntegrationEvent> events = new ArrayList<>();
        Events h1 = Events.forNewCase("988");
        events.add(h1.requested(d("2024-01-08")));
        events.add(h1.decided(d("2024-02-12"), AssessmentDecision.ASSESS));
        events.add(h1.finalPlan(d("2024-05-20"), d("2024-01-08")));
        Events h2 = Events.forNewCase("988");
        events.add(h2.requested(d("2024-01-15")));
        events.add(h2.decided(d("2024-03-04"), AssessmentDecision.REFUSE));
        events.add(h2.mediation(d("2024-03-20")));
        events.add(h2.decided(d("2024-05-01"), AssessmentDecision.ASSESS));
        events.add(h2.finalPlan(d("2024-09-02"), d("2024-01-15")));
        Events h3 = Events.forNewCase("988");
        events.add(h3.requested(d("2024-02-01")));
        events.add(h3.decided(d("2024-03-01"), AssessmentDecision.ASSESS));
        events.add(h3.finalPlan(d("2024-07-01"), d("2024-02-01")));
        Events h4 = Events.forNewCase("988");
        events.add(h4.requested(d("2024-06-03")));
        events.add(h4.decided(d("2024-07-08"), AssessmentDecision.ASSESS));
        Events h5 = Events.forNewCase("988");
        events.add(h5.requested(d("2024-10-01")));
        Events h6 = Events.forNewCase("989");
        events.add(h6.requested(d("2024-03-01")));
        events.add(h6.decided(d("2024-04-05"), AssessmentDecision.ASSESS));
        events.add(new Events(h6.caseId(), "988").transferredIn(d("2024-05-01"), "989"));
        Events h7 = Events.forNewCase("989");
        events.add(h7.requested(d("2024-11-01")));
        events.add(new Events(h7.caseId(), "988").transferredIn(d("2025-01-10"), "989"));
        project(events, 988);

        BoardReport.RankValues values = inContext(() -> reports.rankValues(d("2024-01-01"), d("2024-12-31")));

        assertThat(values.percentWithin20WeeksExcludingExceptions()).containsEntry("988", new BigDecimal("50.0"))
                .doesNotContainKey("989");
        assertThat(values.percentDecisionsWithin6Weeks()).containsEntry("988", new BigDecimal("75.0"))
                .containsEntry("989", new BigDecimal("100.0"));
        assertThat(values.medianWeeksOpen()).containsEntry("988", new BigDecimal("30.1"))
                .containsEntry("989", new BigDecimal("8.6"));
        // and the fold of every timeline says the same
        BoardReport.RankValues folded = inContext(() -> Transactions.inSession(s -> timeline.recordedBy(null))
                .map(rows -> {
                    var cases = CaseFile.fold(CaseTimelineStore.events(rows));
                    return BoardReport.tallies(d("2024-01-01"), d("2024-12-31"), cases, cases, cases).values();
                }));
        for (String la : List.of("988", "989")) {
            assertThat(values.percentWithin20WeeksExcludingExceptions().get(la))
                    .isEqualTo(folded.percentWithin20WeeksExcludingExceptions().get(la));
            assertThat(values.percentDecisionsWithin6Weeks().get(la))
                    .isEqualTo(folded.percentDecisionsWithin6Weeks().get(la));
            assertThat(values.medianWeeksOpen().get(la)).isEqualTo(folded.medianWeeksOpen().get(la));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    /** Projects the events shuffled, in batches of 400, as the consumers would (one transaction each). */
    void project(List<IntegrationEvent> events, long seed) {
        List<String> records = new ArrayList<>(events.stream().map(EVENTS::write).toList());
        Collections.shuffle(records, new Random(seed));
        for (int i = 0; i < records.size(); i += 400) {
            List<String> batch = records.subList(i, Math.min(records.size(), i + 400));
            VertxContexts.onNewContext(() -> DirectProjection.project(projections, batch)).orTimeout(120, TimeUnit.SECONDS).join();
        }
    }

    static <T> T inContext(java.util.function.Supplier<Uni<T>> work) {
        return VertxContexts.onNewContext(work).orTimeout(120, TimeUnit.SECONDS).join();
    }
}
