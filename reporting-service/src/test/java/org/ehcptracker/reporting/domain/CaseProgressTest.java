package org.ehcptracker.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.contracts.plan.DraftPlanIssued;
import org.junit.jupiter.api.Test;

class CaseProgressTest {

    static CaseProgress project(Events c, List<? extends IntegrationEvent> events) {
        CaseProgress p = CaseProgress.empty(c.caseId());
        for (IntegrationEvent e : events) {
            p = p.apply(e);
        }
        return p;
    }

    @Test
    void a_request_opens_the_case_with_its_clock_started_on_the_day_received() {
        Events c = Events.forNewCase("839");
        CaseProgress p = project(c, List.of(c.requested(LocalDate.parse("2025-01-06"))));

        assertThat(p.localAuthorityCode()).isEqualTo("839");
        assertThat(p.receivedDate()).isEqualTo("2025-01-06");
        assertThat(p.clockStart()).isEqualTo("2025-01-06");
        assertThat(p.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(p.within20Weeks()).isNull();
        assertThat(p.daysToIssue()).isNull();
    }

    @Test
    void a_final_plan_gives_status_plan_issued_and_the_20_week_figures_from_its_own_clock_start() {
        Events c = Events.forNewCase("839");
        // 2025-01-06 -> 2025-05-19: Jan 6->Feb 6 31, ->Mar 6 28, ->Apr 6 31, ->May 6 30, ->May 19 13 = 133 days
        CaseProgress p = project(c, List.of(c.finalPlan(LocalDate.parse("2025-05-19"), LocalDate.parse("2025-01-06"))));

        assertThat(p.status()).isEqualTo(CaseStatus.PLAN_ISSUED);
        assertThat(p.daysToIssue()).isEqualTo(133);
        assertThat(p.within20Weeks()).isTrue();
        assertThat(p.closedDate()).isEqualTo("2025-05-19");
        // nothing from the assessment topic yet: the issue figures do not need it
        assertThat(p.receivedDate()).isNull();
        assertThat(p.localAuthorityCode()).isEqualTo("839");
    }

    @Test
    void a_transfer_in_restarts_the_clock_and_makes_the_receiving_la_responsible() {
        Events old = new Events(java.util.UUID.randomUUID(), "850");
        Events c = new Events(old.caseId(), "839");
        CaseProgress p = project(c, List.of(old.requested(LocalDate.parse("2025-01-06")),
                c.transferredIn(LocalDate.parse("2025-03-03"), "850")));

        assertThat(p.receivedDate()).isEqualTo("2025-01-06");
        assertThat(p.transferredInDate()).isEqualTo("2025-03-03");
        assertThat(p.clockStart()).isEqualTo("2025-03-03");
        assertThat(p.localAuthorityCode()).isEqualTo("839");
    }

    @Test
    void the_latest_of_two_transfers_wins_whatever_the_arrival_order() {
        Events c = Events.forNewCase("839");
        var first = c.transferredIn(LocalDate.parse("2025-03-03"), "850");
        var second = c.transferredIn(LocalDate.parse("2025-04-07"), "851");

        assertThat(project(c, List.of(first, second)).clockStart()).isEqualTo("2025-04-07");
        assertThat(project(c, List.of(second, first)).clockStart()).isEqualTo("2025-04-07");
    }

    @Test
    void statuses_follow_refusal_withdrawal_and_no_plan() {
        Events refused = Events.forNewCase("839");
        CaseProgress r = project(refused, List.of(refused.requested(LocalDate.parse("2025-01-06")),
                refused.decided(LocalDate.parse("2025-02-10"), AssessmentDecision.REFUSE)));
        assertThat(r.status()).isEqualTo(CaseStatus.REFUSED);
        assertThat(r.decision()).isEqualTo(AssessmentDecision.REFUSE);
        assertThat(r.closedDate()).isEqualTo("2025-02-10");

        Events withdrawn = Events.forNewCase("839");
        CaseProgress w = project(withdrawn, List.of(withdrawn.requested(LocalDate.parse("2025-01-06")),
                withdrawn.withdrawn(LocalDate.parse("2025-01-20"))));
        assertThat(w.status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(w.closedDate()).isEqualTo("2025-01-20");

        Events noPlan = Events.forNewCase("839");
        CaseProgress n = project(noPlan, List.of(noPlan.requested(LocalDate.parse("2025-01-06")),
                noPlan.decided(LocalDate.parse("2025-02-10"), AssessmentDecision.ASSESS),
                noPlan.concluded(LocalDate.parse("2025-04-28"), AssessmentOutcome.NO_PLAN)));
        assertThat(n.status()).isEqualTo(CaseStatus.NO_PLAN);
        assertThat(n.closedDate()).isEqualTo("2025-04-28");

        Events assessing = Events.forNewCase("839");
        CaseProgress a = project(assessing, List.of(assessing.requested(LocalDate.parse("2025-01-06")),
                assessing.decided(LocalDate.parse("2025-02-10"), AssessmentDecision.ASSESS),
                assessing.concluded(LocalDate.parse("2025-04-28"), AssessmentOutcome.ISSUE_PLAN)));
        assertThat(a.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(a.closedDate()).isNull();
    }

    @Test
    void a_refusal_reversed_later_leaves_the_case_open() {
        Events c = Events.forNewCase("839");
        var refuse = c.decided(LocalDate.parse("2025-02-10"), AssessmentDecision.REFUSE);
        var assess = c.decided(LocalDate.parse("2025-05-12"), AssessmentDecision.ASSESS);

        assertThat(project(c, List.of(refuse, assess)).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(project(c, List.of(assess, refuse)).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(project(c, List.of(assess, refuse)).decisionDate()).isEqualTo("2025-05-12");
    }

    @Test
    void the_decision_that_held_on_a_day_is_known_whatever_the_arrival_order() {
        Events c = Events.forNewCase("839");
        var refuse = c.decided(LocalDate.parse("2025-02-10"), AssessmentDecision.REFUSE);
        var assess = c.decided(LocalDate.parse("2025-05-12"), AssessmentDecision.ASSESS);
        for (CaseProgress p : List.of(project(c, List.of(refuse, assess)), project(c, List.of(assess, refuse)))) {
            assertThat(p.refusedDate()).isEqualTo("2025-02-10");
            assertThat(p.refusedOn(LocalDate.parse("2025-02-09"))).isFalse();
            assertThat(p.refusedOn(LocalDate.parse("2025-02-10"))).isTrue();
            assertThat(p.refusedOn(LocalDate.parse("2025-05-11"))).isTrue();
            assertThat(p.refusedOn(LocalDate.parse("2025-05-12"))).isFalse();
        }
        // overturned the same day: the decision to assess wins, as in the merge
        var sameDay = c.decided(LocalDate.parse("2025-02-10"), AssessmentDecision.ASSESS);
        assertThat(project(c, List.of(refuse, sameDay)).refusedOn(LocalDate.parse("2025-02-10"))).isFalse();
        assertThat(project(c, List.of(sameDay, refuse)).refusedOn(LocalDate.parse("2025-02-10"))).isFalse();
    }

    @Test
    void the_earliest_dispute_about_a_refusal_is_kept_and_a_plan_contents_dispute_is_not() {
        Events c = Events.forNewCase("839");
        var late = c.dispute(LocalDate.parse("2025-06-10"), DisputeKind.TRIBUNAL, DisputeStage.REFUSAL_TO_ISSUE_PLAN);
        var early = c.dispute(LocalDate.parse("2025-03-17"), DisputeKind.MEDIATION, DisputeStage.REFUSAL_TO_ASSESS);
        var contents = c.dispute(LocalDate.parse("2025-02-01"), DisputeKind.TRIBUNAL, DisputeStage.PLAN_CONTENTS);
        assertThat(project(c, List.of(late, early, contents)).refusalDisputeDate()).isEqualTo("2025-03-17");
        assertThat(project(c, List.of(contents, early, late)).refusalDisputeDate()).isEqualTo("2025-03-17");
        assertThat(project(c, List.of(contents)).refusalDisputeDate()).isNull();
        assertThat(project(c, List.of(contents)).mediationOrTribunal()).isTrue();
    }

    @Test
    void only_an_exception_to_the_20_week_limit_sets_the_flag() {
        Events c = Events.forNewCase("839");
        assertThat(project(c, List.of(c.exception(LocalDate.parse("2025-02-03"), StatutoryLimit.DECISION_6_WEEKS)))
                .has20WeekException()).isFalse();
        assertThat(project(c, List.of(c.exception(LocalDate.parse("2025-02-03"), StatutoryLimit.NO_PLAN_16_WEEKS)))
                .has20WeekException()).isFalse();
        assertThat(project(c, List.of(c.exception(LocalDate.parse("2025-02-03"), StatutoryLimit.FINAL_PLAN_20_WEEKS)))
                .has20WeekException()).isTrue();
    }

    @Test
    void a_20_week_exception_withdrawn_as_recorded_in_error_no_longer_sets_the_flag_in_either_arrival_order() {
        Events c = Events.forNewCase("839");
        var first = c.exception(LocalDate.parse("2025-03-03"), StatutoryLimit.FINAL_PLAN_20_WEEKS);
        var second = c.exception(LocalDate.parse("2025-06-02"), StatutoryLimit.FINAL_PLAN_20_WEEKS);
        var sixWeeks = c.exception(LocalDate.parse("2025-02-10"), StatutoryLimit.DECISION_6_WEEKS);
        var firstWithdrawn = c.exceptionWithdrawn(LocalDate.parse("2025-04-01"), first);
        var secondWithdrawn = c.exceptionWithdrawn(LocalDate.parse("2025-07-01"), second);
        var sixWeeksWithdrawn = c.exceptionWithdrawn(LocalDate.parse("2025-03-10"), sixWeeks);

        // the only 20-week exception withdrawn, whichever event arrives first
        assertThat(project(c, List.of(first, firstWithdrawn)).has20WeekException()).isFalse();
        assertThat(project(c, List.of(firstWithdrawn, first)).has20WeekException()).isFalse();
        // one of two withdrawn: the other still applies
        assertThat(project(c, List.of(first, second, firstWithdrawn)).has20WeekException()).isTrue();
        assertThat(project(c, List.of(secondWithdrawn, first, second)).has20WeekException()).isTrue();
        // both withdrawn: none applies
        assertThat(project(c, List.of(secondWithdrawn, first, firstWithdrawn, second)).has20WeekException()).isFalse();
        // withdrawing a 6-week exception never touches the 20-week flag
        assertThat(project(c, List.of(sixWeeks, sixWeeksWithdrawn, second)).has20WeekException()).isTrue();
        assertThat(project(c, List.of(sixWeeks, sixWeeksWithdrawn)).has20WeekException()).isFalse();
        // every order of the same events gives the same row (ids kept, flag derived)
        Set<CaseProgress> rows = new HashSet<>();
        for (List<IntegrationEvent> order : permutations(List.<IntegrationEvent>of(first, second, firstWithdrawn, secondWithdrawn))) {
            rows.add(project(c, order));
        }
        assertThat(rows).hasSize(1);
        assertThat(rows.iterator().next().twentyWeekExceptionIds()).containsExactlyInAnyOrder(first.exceptionId(),
                second.exceptionId());
        assertThat(rows.iterator().next().has20WeekException()).isFalse();
    }

    @Test
    void mediation_sets_its_flag_and_events_that_do_not_concern_progress_change_nothing() {
        Events c = Events.forNewCase("839");
        assertThat(project(c, List.of(c.mediation(LocalDate.parse("2025-03-03")))).mediationOrTribunal()).isTrue();

        var draft = new DraftPlanIssued(java.util.UUID.randomUUID(), c.caseId(), "839", LocalDate.parse("2025-04-01"),
                java.time.Instant.parse("2025-04-01T10:00:00Z"), 1, java.util.UUID.randomUUID());
        assertThat(CaseProgress.isAffectedBy(draft)).isFalse();
        assertThat(CaseProgress.empty(c.caseId()).apply(draft)).isEqualTo(CaseProgress.empty(c.caseId()));
    }

    @Test
    void every_arrival_order_of_a_cases_events_gives_the_same_row() {
        Events old = new Events(java.util.UUID.randomUUID(), "850");
        Events c = new Events(old.caseId(), "839");
        List<IntegrationEvent> events = List.of(
                old.requested(LocalDate.parse("2025-01-06")),
                c.transferredIn(LocalDate.parse("2025-03-03"), "850"),
                c.decided(LocalDate.parse("2025-03-24"), AssessmentDecision.ASSESS),
                c.exception(LocalDate.parse("2025-05-12"), StatutoryLimit.FINAL_PLAN_20_WEEKS),
                c.concluded(LocalDate.parse("2025-06-02"), AssessmentOutcome.ISSUE_PLAN),
                // 2025-03-03 -> 2025-07-14: Mar 3->Jul 3 31+30+31+30 = 122, +11 = 133 days
                c.finalPlan(LocalDate.parse("2025-07-14"), LocalDate.parse("2025-03-03")));

        Set<CaseProgress> rows = new HashSet<>();
        for (List<IntegrationEvent> order : permutations(events)) {
            rows.add(project(c, order));
        }

        assertThat(rows).hasSize(1);
        CaseProgress p = rows.iterator().next();
        assertThat(p.localAuthorityCode()).isEqualTo("839");
        assertThat(p.clockStart()).isEqualTo("2025-03-03");
        assertThat(p.status()).isEqualTo(CaseStatus.PLAN_ISSUED);
        assertThat(p.daysToIssue()).isEqualTo(133);
        assertThat(p.within20Weeks()).isTrue();
        assertThat(p.has20WeekException()).isTrue();
    }

    @Test
    void applying_an_event_twice_changes_nothing_the_second_time() {
        Events c = Events.forNewCase("839");
        var requested = c.requested(LocalDate.parse("2025-01-06"));
        var plan = c.finalPlan(LocalDate.parse("2025-07-07"), LocalDate.parse("2025-01-06"));
        CaseProgress once = project(c, List.of(requested, plan));
        assertThat(project(c, List.of(requested, plan, plan, requested))).isEqualTo(once);
    }

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> p = new ArrayList<>();
                p.add(head);
                p.addAll(tail);
                result.add(p);
            }
        }
        return result;
    }
}
