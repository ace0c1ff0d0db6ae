package org.ehcptracker.reporting.domain;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.reporting.domain.BoardMeasuresTest.dec;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.plan.CriterionScore;
import org.ehcptracker.contracts.plan.QualityGrade;
import org.ehcptracker.reporting.domain.BoardMeasures.CriterionAverage;
import org.ehcptracker.reporting.domain.BoardMeasures.GradeCount;
import org.ehcptracker.reporting.domain.BoardMeasures.PlanQuality;
import org.junit.jupiter.api.Test;

/**
 * Plan quality on hand-worked audits (docs/reporting.md, "Plan quality"), period 2025-01-01 to 2025-06-30, council
 * 931: per plan the latest audit dated in the period (audit date, then recording time) counts.
 */
public class PlanQualityTest {

    static final LocalDate FROM = parse("2025-01-01");
    static final LocalDate TO = parse("2025-06-30");

    static CriterionScore smart(int s) {
        return new CriterionScore("SMART_OUTCOMES", s);
    }

    static CriterionScore provision(int s) {
        return new CriterionScore("PROVISION_SPECIFIC_AND_QUANTIFIED", s);
    }

    /** Q1-Q5 of council {@code la}, Q6 of council {@code otherLa}. */
    public static List<IntegrationEvent> sixPlans(String la, String otherLa) {
        Events q1 = Events.forNewCase(la);
        Events q2 = Events.forNewCase(la);
        Events q3 = Events.forNewCase(la);
        Events q4 = Events.forNewCase(la);
        Events q5 = Events.forNewCase(la);
        Events q6 = Events.forNewCase(otherLa);
        return List.of(
                // Q1: GOOD 75 on 2024-12-10 (before the period: not counted); re-audited 2025-02-03: RI 60
                q1.qualityAudited(parse("2024-12-10"), 10, QualityGrade.GOOD, 75, smart(8), provision(7)),
                q1.qualityAudited(parse("2025-02-03"), 10, QualityGrade.REQUIRES_IMPROVEMENT, 60, smart(6), provision(5)),
                // Q2: INADEQUATE 40 on 2025-03-05, re-audited 2025-05-12: GOOD 78 (the latest)
                q2.qualityAudited(parse("2025-03-05"), 10, QualityGrade.INADEQUATE, 40, smart(3), provision(4)),
                q2.qualityAudited(parse("2025-05-12"), 10, QualityGrade.GOOD, 78, smart(8), provision(7)),
                // Q3: two audits on 2025-04-01; the one recorded at 15:00 (OUTSTANDING 92) is the latest
                q3.qualityAudited(parse("2025-04-01"), 15, QualityGrade.OUTSTANDING, 92, smart(9), provision(10)),
                q3.qualityAudited(parse("2025-04-01"), 10, QualityGrade.GOOD, 70, smart(7), provision(7)),
                // Q4: RI 55 on the period's last day, with preparation for adulthood scored
                q4.qualityAudited(parse("2025-06-30"), 10, QualityGrade.REQUIRES_IMPROVEMENT, 55, smart(4), provision(6),
                        new CriterionScore("PREPARATION_FOR_ADULTHOOD", 4)),
                // Q5: the day after the period: not counted
                q5.qualityAudited(parse("2025-07-01"), 10, QualityGrade.OUTSTANDING, 95, smart(10), provision(10)),
                // Q6: another council's
                q6.qualityAudited(parse("2025-03-01"), 10, QualityGrade.INADEQUATE, 30, smart(3), provision(3)));
    }

    @Test
    void the_latest_audit_of_each_plan_in_the_period_counts() {
        // audits done: Q1 1 + Q2 2 + Q3 2 + Q4 1 = 6; plans 4: RI (Q1), GOOD (Q2), OUTSTANDING (Q3), RI (Q4)
        // average (60 + 78 + 92 + 55) / 4 = 285 / 4 = 71.25 -> 71.3
        // SMART (6 + 8 + 9 + 4) / 4 = 6.75 -> 6.8; PROVISION (5 + 7 + 10 + 6) / 4 = 7.0; PfA 4 / 1 = 4.0
        assertThat(BoardMeasures.planQuality("931", FROM, TO, CaseFile.fold(sixPlans("931", "932")))).isEqualTo(new PlanQuality(6, 4,
                List.of(new GradeCount("OUTSTANDING", 1, dec("25.0")), new GradeCount("GOOD", 1, dec("25.0")),
                        new GradeCount("REQUIRES_IMPROVEMENT", 2, dec("50.0")),
                        new GradeCount("INADEQUATE", 0, dec("0.0"))),
                // good or outstanding: Q2 and Q3, 2 of 4
                2, dec("50.0"),
                dec("71.3"),
                List.of(new CriterionAverage("PREPARATION_FOR_ADULTHOOD", 1, dec("4.0")),
                        new CriterionAverage("PROVISION_SPECIFIC_AND_QUANTIFIED", 4, dec("7.0")),
                        new CriterionAverage("SMART_OUTCOMES", 4, dec("6.8")))));
    }

    @Test
    void every_council_together_adds_the_other_councils_plans() {
        // + Q6 (932, INADEQUATE 30): 7 audits, 5 plans, each grade 1 of 5 = 20.0 but RI 2 = 40.0, INADEQUATE 1;
        // average (285 + 30) / 5 = 63.0
        PlanQuality all = BoardMeasures.planQuality(null, FROM, TO, CaseFile.fold(sixPlans("931", "932")));
        assertThat(all.auditsDone()).isEqualTo(7);
        assertThat(all.plansAudited()).isEqualTo(5);
        assertThat(all.byGrade()).containsExactly(new GradeCount("OUTSTANDING", 1, dec("20.0")),
                new GradeCount("GOOD", 1, dec("20.0")), new GradeCount("REQUIRES_IMPROVEMENT", 2, dec("40.0")),
                new GradeCount("INADEQUATE", 1, dec("20.0")));
        assertThat(all.averageScore()).isEqualTo(dec("63.0"));
        assertThat(all.plansGoodOrOutstanding()).isEqualTo(2);
        assertThat(all.percentGoodOrOutstanding()).isEqualTo(dec("40.0"));
    }

    @Test
    void a_period_without_audits_has_zeros_and_no_percentages() {
        PlanQuality none = BoardMeasures.planQuality("931", parse("2023-01-01"), parse("2023-12-31"),
                CaseFile.fold(sixPlans("931", "932")));
        assertThat(none).isEqualTo(new PlanQuality(0, 0, List.of(new GradeCount("OUTSTANDING", 0, null),
                new GradeCount("GOOD", 0, null), new GradeCount("REQUIRES_IMPROVEMENT", 0, null),
                new GradeCount("INADEQUATE", 0, null)), 0, null, null, List.of()));
    }

    @Test
    void the_order_the_events_arrive_in_changes_nothing() {
        List<IntegrationEvent> events = new ArrayList<>(sixPlans("931", "932"));
        PlanQuality expected = BoardMeasures.planQuality("931", FROM, TO, CaseFile.fold(events));
        Collections.shuffle(events, new Random(7));
        assertThat(BoardMeasures.planQuality("931", FROM, TO, CaseFile.fold(events))).isEqualTo(expected);
        Collections.reverse(events);
        assertThat(BoardMeasures.planQuality("931", FROM, TO, CaseFile.fold(events))).isEqualTo(expected);
    }
}
