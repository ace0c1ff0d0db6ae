package org.ehcptracker.reporting.domain;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.reporting.domain.BoardMeasures.Stage;
import org.ehcptracker.reporting.domain.BoardMeasures.StageTime;
import org.junit.jupiter.api.Test;

/** Where the late plans lost their time (docs/reporting.md, "Where time is lost"). */
class TimeLostTest {

    static final String LA = "931";

    @Test
    void the_stages_of_two_late_plans_and_the_stage_most_often_late() {
        Events one = Events.forNewCase(LA);
        Events two = Events.forNewCase(LA);
        AdviceRequested ep = one.adviceRequested(parse("2025-02-25"), AdviceType.EDUCATIONAL_PSYCHOLOGY, "EPS-931");
        List<IntegrationEvent> events = new ArrayList<>(List.of(
                // one: received 2025-01-13; assess 2025-02-24 = day 42 (on time); EP asked 02-25, returned 04-14 =
                //   Feb 25->Mar 25 28, +20 = 48 days (late); draft 2025-05-26 = Jan 13->May 13 120, +13 = day 133
                //   (after day 98: late); final 2025-07-07 = day 175.
                //   Stages: decision 42; advice Feb 24->Mar 24 28, +21 = 49; draft Apr 14->May 14 30, +12 = 42;
                //   final May 26->Jun 26 31, +11 = 42
                one.requested(parse("2025-01-13")), one.decided(parse("2025-02-24"), AssessmentDecision.ASSESS),
                ep, one.adviceSubmitted(parse("2025-04-14"), ep), one.draftPlan(parse("2025-05-26")),
                one.finalPlan(parse("2025-07-07"), parse("2025-01-13")),
                // two: received 2025-01-06; assess 2025-02-24 = Jan 6->Feb 6 31, +18 = day 49 (late); no advice;
                //   draft 2025-04-21 = Jan 6->Apr 6 90, +15 = day 105 (late); final 2025-05-27 = day 141.
                //   Stages: decision 49; final Apr 21->May 21 30, +6 = 36
                two.requested(parse("2025-01-06")), two.decided(parse("2025-02-24"), AssessmentDecision.ASSESS),
                two.draftPlan(parse("2025-04-21")), two.finalPlan(parse("2025-05-27"), parse("2025-01-06"))));
        // A: day 133, in time: not counted
        events.addAll(HandWorkedCases.caseA(Events.forNewCase(LA)));
        var lost = BoardMeasures.timeLost(LA, parse("2025-01-01"), parse("2025-12-31"), CaseFile.fold(events));
        assertThat(lost.latePlans()).isEqualTo(2);
        assertThat(lost.stages()).containsExactly(
                new StageTime(Stage.DECISION, 2, new BigDecimal("45.5"), 1),
                new StageTime(Stage.ADVICE, 1, new BigDecimal("49.0"), 1),
                new StageTime(Stage.DRAFT, 1, new BigDecimal("42.0"), 2),
                new StageTime(Stage.FINAL, 2, new BigDecimal("39.0"), 2));
        assertThat(lost.mostOftenLate()).isEqualTo(Stage.DRAFT);
    }

    @Test
    void no_late_plan_means_no_stage() {
        var lost = BoardMeasures.timeLost(LA, parse("2025-01-01"), parse("2025-12-31"),
                CaseFile.fold(HandWorkedCases.caseA(Events.forNewCase(LA))));
        assertThat(lost.latePlans()).isZero();
        assertThat(lost.mostOftenLate()).isNull();
        assertThat(lost.stages()).extracting(StageTime::plans).containsOnly(0);
    }
}
