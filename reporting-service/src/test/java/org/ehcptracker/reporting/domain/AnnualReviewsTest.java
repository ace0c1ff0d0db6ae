package org.ehcptracker.reporting.domain;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.reporting.domain.BoardMeasuresTest.dec;
import static org.ehcptracker.reporting.domain.BoardMeasuresTest.fold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.plan.CeaseReason;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.reporting.domain.BoardMeasures.AnnualReviews;
import org.ehcptracker.reporting.domain.BoardMeasures.CeasedCount;
import org.ehcptracker.reporting.domain.BoardMeasures.TrendStep;
import org.junit.jupiter.api.Test;

/**
 * The annual review measures on hand-worked plans (docs/reporting.md, "Annual reviews"), period 2025-01-01 to
 * 2025-06-30, council 931. Review due = 12 months after the issue or the last meeting; decision due = meeting +
 * 4 weeks; amended plan due = the decision + 8 weeks, never after the meeting + 12 weeks.
 */
public class AnnualReviewsTest {

    static final String LA = "931";
    static final LocalDate FROM = parse("2025-01-01");
    static final LocalDate TO = parse("2025-06-30");

    /** A final plan issued on {@code issued} (its assessment is not needed here). */
    static List<IntegrationEvent> plan(Events c, LocalDate issued, IntegrationEvent... more) {
        List<IntegrationEvent> ev = new ArrayList<>(List.of(c.requested(issued.minusDays(140)),
                c.finalPlan(issued, issued.minusDays(140))));
        ev.addAll(List.of(more));
        return ev;
    }

    public static List<List<IntegrationEvent>> fivePlans(String la) {
        Events p1 = Events.forNewCase(la);
        Events p2 = Events.forNewCase(la);
        Events p3 = Events.forNewCase(la);
        Events p4 = Events.forNewCase(la);
        Events p5 = Events.forNewCase(la);
        UUID r1 = UUID.randomUUID();
        UUID r2 = UUID.randomUUID();
        UUID r4 = UUID.randomUUID();
        UUID r5 = UUID.randomUUID();
        return List.of(
                // P1: issued 2024-03-11, review due 2025-03-11; meeting 2025-03-04 (on time); decision AMEND
                //   2025-04-01 = meeting + 28 days (within); amended plan due min(04-01 + 56 = 05-27,
                //   03-04 + 84 = 05-27) = 2025-05-27, issued 2025-05-20: within
                plan(p1, parse("2024-03-11"), p1.reviewMeeting(parse("2025-03-04"), r1, null, null),
                        p1.reviewDecided(parse("2025-04-01"), r1, ReviewOutcome.AMEND, parse("2025-03-04")),
                        p1.amendedPlan(parse("2025-05-20"), r1)),
                // P2: issued 2024-04-15, due 2025-04-15; meeting 2025-04-22 (7 days late); KEEP on 2025-05-21,
                //   decision due 04-22 + 28 = 05-20: a day late
                plan(p2, parse("2024-04-15"), p2.reviewMeeting(parse("2025-04-22"), r2, null, null),
                        p2.reviewDecided(parse("2025-05-21"), r2, ReviewOutcome.KEEP, parse("2025-04-22"))),
                // P3: issued 2024-02-01, would be due 2025-02-01, ceased 2025-01-20 (no longer necessary): not due
                plan(p3, parse("2024-02-01"), p3.planCeased(parse("2025-01-20"), CeaseReason.NO_LONGER_NECESSARY)),
                // P4: issued 2024-01-10, due 2025-01-10; meeting 2024-11-05 (on time; next due 2025-11-05) before
                //   the move to secondary (deadline 15 February 2025); AMEND 2024-11-26, amended plan due
                //   min(11-26 + 56 = 2025-01-21, 11-05 + 84 = 2025-01-28) = 2025-01-21; issued 2025-02-14: late
                //   for its due date, but by the phase transfer deadline
                plan(p4, parse("2024-01-10"),
                        p4.reviewMeeting(parse("2024-11-05"), r4, "PRIMARY_TO_SECONDARY", parse("2025-02-15")),
                        p4.reviewDecided(parse("2024-11-26"), r4, ReviewOutcome.AMEND, parse("2024-11-05")),
                        p4.amendedPlan(parse("2025-02-14"), r4)),
                // P5: issued 2024-01-08, due 2025-01-08; meeting 2024-12-02 (on time) before the move to post-16
                //   (deadline 31 March 2025); AMEND 2024-12-16, due min(12-16 + 56 = 2025-02-10, 12-02 + 84 =
                //   2025-02-24) = 2025-02-10; issued 2025-04-07: late, and after the deadline
                plan(p5, parse("2024-01-08"),
                        p5.reviewMeeting(parse("2024-12-02"), r5, "SECONDARY_TO_POST_16", parse("2025-03-31")),
                        p5.reviewDecided(parse("2024-12-16"), r5, ReviewOutcome.AMEND, parse("2024-12-02")),
                        p5.amendedPlan(parse("2025-04-07"), r5)));
    }

    static final AnnualReviews EXPECTED = new AnnualReviews(
            // due: P1 03-11 (held 03-04), P2 04-15 (held 04-22, late), P4 01-10 (held 2024-11-05),
            //   P5 01-08 (held 2024-12-02); P3 ceased first: 4 due, 3 on time, 75.0%
            4, 3, dec("75.0"),
            // meetings in the period: P1 03-04, P2 04-22
            2,
            // decisions in the period: P1 (day 28, within), P2 (day 29, late)
            2, 1, dec("50.0"),
            // amended plans in the period: P1 (within), P4 and P5 (late)
            3, 1, dec("33.3"),
            // phase transfers with a deadline in the period: P4 (by 02-15), P5 (after 03-31)
            2, 1, dec("50.0"),
            List.of(new CeasedCount("NO_LONGER_NECESSARY", 1)),
            // in force on 2025-06-30: P1, P2, P4, P5 (P3 ceased on 2025-01-20)
            4);

    @Test
    void reviewsDueHeldDecidedAmendedPhaseTransfersAndCessations() {
        assertThat(BoardMeasures.annualReviews(LA, FROM, TO, fold(fivePlans(LA)))).isEqualTo(EXPECTED);
    }

    @Test
    void otherCouncilsAndAllCouncilsAndTheBoardReport() {
        var cases = new ArrayList<>(fivePlans(LA));
        cases.addAll(fivePlans("850"));
        var files = fold(cases);
        assertThat(BoardMeasures.annualReviews(LA, FROM, TO, files)).isEqualTo(EXPECTED);
        assertThat(BoardMeasures.annualReviews("850", FROM, TO, files)).isEqualTo(EXPECTED);
        // all councils: every count doubled, the same percentages
        assertThat(BoardMeasures.annualReviews(null, FROM, TO, files)).isEqualTo(new AnnualReviews(8, 6, dec("75.0"),
                4, 4, 2, dec("50.0"), 6, 2, dec("33.3"), 4, 2, dec("50.0"),
                List.of(new CeasedCount("NO_LONGER_NECESSARY", 2)), 8));
        assertThat(BoardReport.of(LA, FROM, TO, TrendStep.MONTH, null, files).annualReviews()).isEqualTo(EXPECTED);
    }

    @Test
    void periodBoundariesAndTheNextReviewDue() {
        var files = fold(fivePlans(LA));
        // only 2025-03: P1's due (03-11, held) and meeting (03-04); P5's phase transfer deadline (03-31, missed)
        assertThat(BoardMeasures.annualReviews(LA, parse("2025-03-01"), parse("2025-03-31"), files)).isEqualTo(
                new AnnualReviews(1, 1, dec("100.0"), 1, 0, 0, null, 0, 0, null, 1, 0, dec("0.0"), List.of(), 4));
        // 2025-11-05 is P4's next due (12 months after its 2024-11-05 meeting): no meeting since, so not on time;
        // 2025-12-02 P5's; 2026-03-04 P1's is after the period
        assertThat(BoardMeasures.annualReviews(LA, parse("2025-07-01"), parse("2025-12-31"), files)).isEqualTo(
                new AnnualReviews(2, 0, dec("0.0"), 0, 0, 0, null, 0, 0, null, 0, 0, null, List.of(), 4));
    }

    @Test
    void aPlanCeasedOnItsDueDateIsNotDueAndAnyArrivalOrderGivesTheSameFigures() {
        Events c = Events.forNewCase(LA);
        // issued 2024-03-11, due 2025-03-11, ceased that very day (moved to another LA): not due
        var ceasedOnDue = fold(List.of(plan(c, parse("2024-03-11"),
                c.planCeased(parse("2025-03-11"), CeaseReason.MOVED_TO_ANOTHER_LA))));
        assertThat(BoardMeasures.annualReviews(LA, FROM, TO, ceasedOnDue)).isEqualTo(new AnnualReviews(0, 0, null,
                0, 0, 0, null, 0, 0, null, 0, 0, null, List.of(new CeasedCount("MOVED_TO_ANOTHER_LA", 1)), 0));
        List<IntegrationEvent> events = new ArrayList<>();
        fivePlans(LA).forEach(events::addAll);
        Random random = new Random(44);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(events, random);
            assertThat(BoardMeasures.annualReviews(LA, FROM, TO, CaseFile.fold(events))).isEqualTo(EXPECTED);
        }
    }
}
