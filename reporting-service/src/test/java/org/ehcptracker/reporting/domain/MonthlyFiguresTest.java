package org.ehcptracker.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.reporting.domain.MonthlyFigures.Cell;
import org.ehcptracker.reporting.domain.MonthlyFigures.Measure;
import org.junit.jupiter.api.Test;

/** What one case adds to council_month_figure, worked by hand from docs/reporting.md's cases (HandWorkedCases). */
class MonthlyFiguresTest {

    static final String LA = "976";

    static Map<Cell, Long> expected(Object... cells) {
        Map<Cell, Long> out = new TreeMap<>();
        for (int i = 0; i < cells.length; i += 3) {
            out.put(new Cell(LA, LocalDate.parse((String) cells[i]), (Measure) cells[i + 1]), ((Number) cells[i + 2]).longValue());
        }
        return out;
    }

    static CaseProgress row(List<IntegrationEvent> events) {
        return HandWorkedCases.row(new Events(events.get(0).caseId(), LA), events);
    }

    @Test
    void a_plan_within_20_weeks_counts_in_its_month_of_issue_in_both_variants() {
        // case A: requested 2025-01-06 (January), decided to assess 2025-02-10 (February), final plan 2025-05-19
        //   (May) after 133 days: within 20 weeks (day 140 or earlier), no exception, so in both variants
        Events a = Events.forNewCase(LA);
        assertThat(MonthlyFigures.contributions(row(HandWorkedCases.caseA(a)))).isEqualTo(expected(
                "2025-01-01", Measure.REQUESTS_RECEIVED, 1,
                "2025-02-01", Measure.DECIDED_TO_ASSESS, 1,
                "2025-05-01", Measure.PLANS_ISSUED, 1,
                "2025-05-01", Measure.ISSUED_WITHIN_20_WEEKS, 1,
                "2025-05-01", Measure.DAYS_TO_ISSUE, 133,
                "2025-05-01", Measure.PLANS_ISSUED_EX, 1,
                "2025-05-01", Measure.ISSUED_WITHIN_20_WEEKS_EX, 1,
                "2025-05-01", Measure.DAYS_TO_ISSUE_EX, 133));
    }

    @Test
    void a_late_plan_with_a_20_week_exception_counts_only_in_the_variant_including_exceptions() {
        // exception case: requested 2025-02-03, no decision event, final plan 2025-07-21 after 168 days: late;
        //   a 20-week exception, so not in the _EX measures
        Events c = Events.forNewCase(LA);
        assertThat(MonthlyFigures.contributions(row(HandWorkedCases.exceptionCase(c)))).isEqualTo(expected(
                "2025-02-01", Measure.REQUESTS_RECEIVED, 1,
                "2025-07-01", Measure.PLANS_ISSUED, 1,
                "2025-07-01", Measure.DAYS_TO_ISSUE, 168));
    }

    @Test
    void a_plan_after_a_dispute_about_a_refusal_is_left_out_but_its_request_counts() {
        // mediation case: requested 2025-02-10, mediation about the refusal to assess 2025-03-17, plan 2025-06-02:
        //   the dispute was registered before the issue, so the plan is out of both measures
        Events c = Events.forNewCase(LA);
        assertThat(MonthlyFigures.contributions(row(HandWorkedCases.mediationCase(c))))
                .isEqualTo(expected("2025-02-01", Measure.REQUESTS_RECEIVED, 1));
    }

    @Test
    void a_transfer_in_counts_its_plan_from_the_transfer_and_no_request_of_the_receiving_council() {
        // requested of LA 850 on 2025-01-06, transferred to 976 on 2025-03-03, final plan 2025-07-14: 133 days from
        //   the transfer, within 20 weeks; the request was 850's, so no REQUESTS_RECEIVED anywhere
        Events c = Events.forNewCase(LA);
        assertThat(MonthlyFigures.contributions(row(HandWorkedCases.transferredInIssued(c)))).isEqualTo(expected(
                "2025-07-01", Measure.PLANS_ISSUED, 1,
                "2025-07-01", Measure.ISSUED_WITHIN_20_WEEKS, 1,
                "2025-07-01", Measure.DAYS_TO_ISSUE, 133,
                "2025-07-01", Measure.PLANS_ISSUED_EX, 1,
                "2025-07-01", Measure.ISSUED_WITHIN_20_WEEKS_EX, 1,
                "2025-07-01", Measure.DAYS_TO_ISSUE_EX, 133));
    }

    @Test
    void a_reassessment_and_a_case_without_a_council_add_nothing() {
        Events c = Events.forNewCase(LA);
        assertThat(MonthlyFigures.contributions(row(List.of(c.reassessmentRequested(LocalDate.parse("2025-01-06")),
                c.finalPlan(LocalDate.parse("2025-03-03"), LocalDate.parse("2025-01-06")))))).isEmpty();
        assertThat(MonthlyFigures.contributions(CaseProgress.empty(c.caseId()))).isEmpty();
    }

    @Test
    void the_delta_moves_a_decision_overturned_in_a_later_month_and_takes_a_late_exception_out_of_the_headline() {
        // before: case A as it stands (assess 2025-02-10, plan in May within 20 weeks, no exception);
        // after: a refusal dated 2025-03-10 (later, so it stands) and a 20-week exception recorded: the decision
        //   moves from February's DECIDED_TO_ASSESS to March's DECIDED_NOT_TO_ASSESS; May's _EX measures lose it
        Events a = Events.forNewCase(LA);
        CaseProgress before = row(HandWorkedCases.caseA(a));
        CaseProgress after = before.apply(a.decided(LocalDate.parse("2025-03-10"), AssessmentDecision.REFUSE))
                .apply(a.exception(LocalDate.parse("2025-04-01"), StatutoryLimit.FINAL_PLAN_20_WEEKS));
        assertThat(asMap(MonthlyFigures.delta(List.of(before), List.of(after)))).isEqualTo(expected(
                "2025-02-01", Measure.DECIDED_TO_ASSESS, -1,
                "2025-03-01", Measure.DECIDED_NOT_TO_ASSESS, 1,
                "2025-05-01", Measure.PLANS_ISSUED_EX, -1,
                "2025-05-01", Measure.ISSUED_WITHIN_20_WEEKS_EX, -1,
                "2025-05-01", Measure.DAYS_TO_ISSUE_EX, -133));
        assertThat(MonthlyFigures.delta(List.of(after), List.of(after))).isEmpty();
    }

    /**
     * The table kept by deltas equals the contributions of the final rows whatever the batches: every event of
     * several cases, shuffled, cut into batches of 1-4 events, each batch's delta added up.
     */
    @Test
    void deltas_over_any_batching_sum_to_the_contributions_of_the_final_rows() {
        List<IntegrationEvent> events = new ArrayList<>();
        for (var kase : List.<java.util.function.Function<Events, List<IntegrationEvent>>>of(HandWorkedCases::caseA,
                HandWorkedCases::caseB, HandWorkedCases::caseC, HandWorkedCases::exceptionCase,
                HandWorkedCases::exceptionWithdrawnCase, HandWorkedCases::mediationCase,
                HandWorkedCases::transferredInIssued, HandWorkedCases::overturnedRefusal)) {
            events.addAll(kase.apply(Events.forNewCase(LA)));
        }
        for (int seed = 0; seed < 20; seed++) {
            List<IntegrationEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, new Random(seed));
            Random cut = new Random(seed);
            Map<java.util.UUID, CaseProgress> rows = new LinkedHashMap<>();
            Map<Cell, Long> table = new TreeMap<>();
            for (int i = 0; i < shuffled.size(); ) {
                int n = Math.min(1 + cut.nextInt(4), shuffled.size() - i);
                Map<java.util.UUID, CaseProgress> before = new LinkedHashMap<>();
                Map<java.util.UUID, CaseProgress> after = new LinkedHashMap<>();
                for (IntegrationEvent e : shuffled.subList(i, i + n)) {
                    CaseProgress current = rows.getOrDefault(e.caseId(), CaseProgress.empty(e.caseId()));
                    before.putIfAbsent(e.caseId(), current);
                    after.put(e.caseId(), current.apply(e));
                    rows.put(e.caseId(), current.apply(e));
                }
                MonthlyFigures.delta(before.values(), after.values())
                        .forEach(d -> table.merge(d.getKey(), d.getValue(), Long::sum));
                i += n;
            }
            table.values().removeIf(v -> v == 0);
            Map<Cell, Long> whole = new TreeMap<>();
            rows.values().forEach(c -> MonthlyFigures.contributions(c).forEach((k, v) -> whole.merge(k, v, Long::sum)));
            assertThat(table).as("seed %d", seed).isEqualTo(whole);
        }
    }

    static Map<Cell, Long> asMap(List<Map.Entry<Cell, Long>> entries) {
        Map<Cell, Long> out = new TreeMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
