package org.ehcptracker.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DemoCaseTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27); // a Friday

    @Test
    void the_same_seed_gives_the_same_caseload_and_another_seed_another() {
        assertThat(DemoCase.caseload(CaseloadShape.LARGE_WITH_EP_BOTTLENECK, TODAY, 7))
                .isEqualTo(DemoCase.caseload(CaseloadShape.LARGE_WITH_EP_BOTTLENECK, TODAY, 7))
                .isNotEqualTo(DemoCase.caseload(CaseloadShape.LARGE_WITH_EP_BOTTLENECK, TODAY, 8));
    }

    @Test
    void every_step_is_on_a_weekday_in_order_and_none_after_today() {
        for (CaseloadShape shape : CaseloadShape.ALL) {
            for (DemoCase c : DemoCase.caseload(shape, TODAY, 2026)) {
                List<LocalDate> dates = Stream.of(c.receivedDate(), c.decisionDate(), c.epAdviceDate(),
                        c.otherAdviceDate(), c.draftDate(), c.finalDate()).filter(d -> d != null).toList();
                assertThat(dates).allSatisfy(d -> {
                    assertThat(d).isBeforeOrEqualTo(TODAY);
                    assertThat(d.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
                });
                assertThat(c.receivedDate()).isAfterOrEqualTo(TODAY.minusWeeks(shape.weeks()));
                if (c.decisionDate() != null) {
                    assertThat(c.decisionDate()).isAfter(c.receivedDate());
                }
                if (c.refused() || c.decisionDate() == null) {
                    assertThat(c.epAdviceDate()).isNull();
                    assertThat(c.draftDate()).isNull();
                }
                if (c.draftDate() != null) {
                    assertThat(c.draftDate()).isAfterOrEqualTo(c.epAdviceDate()).isAfterOrEqualTo(c.otherAdviceDate());
                }
                if (c.finalDate() != null) {
                    // after the family's 15 days to respond to the draft (Reg 13(1); plan-service refuses it within)
                    assertThat(ChronoUnit.DAYS.between(c.draftDate(), c.finalDate())).isGreaterThan(15);
                }
                assertThat(c.childRef()).matches("DEMO-" + shape.localAuthorityCode() + "-\\d{4}");
            }
        }
    }

    @Test
    void the_large_council_waits_on_its_educational_psychologists_and_the_small_one_does_not() {
        List<DemoCase> large = DemoCase.caseload(CaseloadShape.LARGE_WITH_EP_BOTTLENECK, TODAY, 2026);
        List<DemoCase> small = DemoCase.caseload(CaseloadShape.SMALL_ON_TIME, TODAY, 2026);
        assertThat(large).hasSize(240);
        assertThat(small).hasSize(48);
        // share of open assessed cases past 20 weeks: a backlog in the large council, next to none in the small
        assertThat(shareOpenPast20Weeks(large)).isGreaterThan(0.3);
        assertThat(shareOpenPast20Weeks(small)).isLessThan(0.05);
        // of the cases decided to assess, the share still waiting on EP advice
        assertThat(shareWaitingOnEp(large)).isGreaterThan(2 * shareWaitingOnEp(small));
        // plans issued within 20 weeks: few in the large council, nearly all in the small one
        assertThat(shareFinalWithin20Weeks(large)).isLessThan(0.3);
        assertThat(shareFinalWithin20Weeks(small)).isGreaterThan(0.9);
    }

    @Test
    void scaling_keeps_the_shape_and_changes_the_number_of_requests() {
        assertThat(DemoCase.caseload(CaseloadShape.SMALL_ON_TIME.scaled(0.25), TODAY, 1)).hasSize(12);
        assertThat(CaseloadShape.SMALL_ON_TIME.scaled(0.001).requests()).isEqualTo(1);
    }

    private static double shareOpenPast20Weeks(List<DemoCase> cases) {
        List<DemoCase> assessed = cases.stream().filter(c -> c.decisionDate() != null && !c.refused()).toList();
        return (double) assessed.stream().filter(c -> c.open()
                && ChronoUnit.DAYS.between(c.receivedDate(), TODAY) > 140).count() / assessed.size();
    }

    private static double shareWaitingOnEp(List<DemoCase> cases) {
        List<DemoCase> assessed = cases.stream().filter(c -> c.decisionDate() != null && !c.refused()).toList();
        return (double) assessed.stream().filter(c -> c.epAdviceDate() == null).count() / assessed.size();
    }

    private static double shareFinalWithin20Weeks(List<DemoCase> cases) {
        List<DemoCase> issued = cases.stream().filter(c -> c.finalDate() != null).toList();
        return (double) issued.stream().filter(c -> ChronoUnit.DAYS.between(c.receivedDate(), c.finalDate()) <= 140)
                .count() / issued.size();
    }
}
