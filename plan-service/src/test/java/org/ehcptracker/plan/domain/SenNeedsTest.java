package org.ehcptracker.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.plan.domain.AnnualReviewTest.CASE;
import static org.ehcptracker.plan.domain.AnnualReviewTest.IN_FORCE;
import static org.ehcptracker.plan.domain.AnnualReviewTest.ISSUED;
import static org.ehcptracker.plan.domain.AnnualReviewTest.NOW;
import static org.ehcptracker.plan.domain.AnnualReviewTest.PLAN;
import static org.ehcptracker.plan.domain.AnnualReviewTest.TODAY;
import static org.ehcptracker.plan.domain.AnnualReviewTest.assertRejected;
import static org.ehcptracker.plan.domain.AnnualReviewTest.id;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ehcptracker.contracts.plan.CeaseReason;
import org.ehcptracker.contracts.plan.PlanCeased;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.contracts.plan.SenNeedType;
import org.ehcptracker.contracts.plan.SenNeedsRecorded;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;
import org.ehcptracker.kit.domain.EventIds;
import org.junit.jupiter.api.Test;

/**
 * Given a plan issued Fri 18 Jul 2025 (today Tue 1 Dec 2026), when its SEN needs are recorded
 * ({@link SenNeedsDecider}), then {@link SenNeedsRecorded} or a rejection; and which recording holds.
 */
class SenNeedsTest {

    final DecisionContext ctx = new DecisionContext(TODAY, NOW, EventIds.sequence());

    List<PlanEvent> record(PlanLife life, LocalDate from, SenNeedType... needs) {
        return SenNeedsDecider.decide(new RecordSenNeeds(PLAN, from, Arrays.asList(needs)), life, IN_FORCE, ctx);
    }

    @Test
    void the_needs_are_recorded_primary_first_from_their_date() {
        assertThat(record(PlanLife.MAINTAINED, ISSUED, SenNeedType.ASD, SenNeedType.SLCN)).containsExactly(
                new SenNeedsRecorded(id(1), CASE, "839", ISSUED, NOW, 1, PLAN, List.of(SenNeedType.ASD, SenNeedType.SLCN)));
    }

    /*
     * Recorded ASD on the issue (18 Jul 2025), then SEMH, SLCN from the amendment of 2 Jun 2026, then a late
     * correction of the issue's needs to ASD, HI (recorded after the amendment's): the amendment's still holds, being
     * later in date; the plan remembers it.
     */
    @Test
    void the_latest_in_date_holds_whatever_the_order_of_recording() {
        LocalDate amended = LocalDate.of(2026, 6, 2);
        PlanLife life = PlanLife.TYPE.rebuild(List.of(
                new SenNeedsRecorded(id(1), CASE, "839", ISSUED, NOW, 1, PLAN, List.of(SenNeedType.ASD)),
                new SenNeedsRecorded(id(2), CASE, "839", amended, NOW, 1, PLAN, List.of(SenNeedType.SEMH, SenNeedType.SLCN)),
                new SenNeedsRecorded(id(3), CASE, "839", ISSUED, NOW, 1, PLAN, List.of(SenNeedType.ASD, SenNeedType.HI))));
        assertThat(life.needs().needs()).containsExactly(SenNeedType.SEMH, SenNeedType.SLCN);
        assertThat(life.needs().businessDate()).isEqualTo(amended);
        // the same again: a retry, nothing appended; a different order of the same needs is a new recording
        assertThat(record(life, amended, SenNeedType.SEMH, SenNeedType.SLCN)).isEmpty();
        assertThat(record(life, amended, SenNeedType.SLCN, SenNeedType.SEMH)).hasSize(1);
    }

    @Test
    void none_a_null_or_a_type_named_twice_is_refused_on_its_field() {
        assertRejected(() -> record(PlanLife.MAINTAINED, ISSUED), CommandRejected.Kind.INVALID, "needs",
                "at least one type of need");
        assertRejected(() -> record(PlanLife.MAINTAINED, ISSUED, SenNeedType.ASD, null), CommandRejected.Kind.INVALID,
                "needs[1]", "is null");
        assertRejected(() -> record(PlanLife.MAINTAINED, ISSUED, SenNeedType.ASD, SenNeedType.HI, SenNeedType.ASD),
                CommandRejected.Kind.INVALID, "needs[2]", "ASD is named twice");
        assertRejected(() -> record(PlanLife.MAINTAINED, null, SenNeedType.ASD), CommandRejected.Kind.INVALID,
                "effectiveDate", "required");
    }

    @Test
    void a_date_before_the_issue_in_the_future_or_after_the_cessation_is_refused() {
        assertRejected(() -> record(PlanLife.MAINTAINED, ISSUED.minusDays(1), SenNeedType.ASD),
                CommandRejected.Kind.UNPROCESSABLE, "effectiveDate", "before the plan was issued (2025-07-18)");
        assertRejected(() -> record(PlanLife.MAINTAINED, TODAY.plusDays(1), SenNeedType.ASD),
                CommandRejected.Kind.INVALID, "effectiveDate", "in the future");
        // ceased Sat 31 Oct 2026: a correction up to that day is allowed (a SEN2 return looks back), after it is not
        PlanLife ceased = PlanLife.TYPE.rebuild(List.of(new PlanCeased(id(9), CASE, "839", LocalDate.of(2026, 10, 31),
                NOW, 1, PLAN, CeaseReason.AGE_25)));
        assertThat(record(ceased, LocalDate.of(2026, 10, 31), SenNeedType.PD)).hasSize(1);
        assertRejected(() -> record(ceased, LocalDate.of(2026, 11, 1), SenNeedType.PD),
                CommandRejected.Kind.UNPROCESSABLE, "effectiveDate", "after the plan ceased (2026-10-31)");
    }

    @Test
    void an_unknown_plan_is_not_found() {
        assertRejected(() -> SenNeedsDecider.decide(new RecordSenNeeds(PLAN, ISSUED, List.of(SenNeedType.ASD)),
                PlanLife.MAINTAINED, Optional.empty(), ctx), CommandRejected.Kind.NOT_FOUND, null, "no plan in force");
    }

    @Test
    void a_cessation_keeps_the_needs_that_held() {
        PlanLife life = PlanLife.TYPE.rebuild(List.of(
                new SenNeedsRecorded(id(1), CASE, "839", ISSUED, NOW, 1, PLAN, List.of(SenNeedType.VI)),
                new PlanCeased(id(2), CASE, "839", LocalDate.of(2026, 10, 31), NOW, 1, PLAN, CeaseReason.AGE_25)));
        assertThat(life).isInstanceOf(PlanLife.Ceased.class);
        assertThat(life.needs().needs()).containsExactly(SenNeedType.VI);
    }
}
