package org.ehcptracker.reporting.sen2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.contracts.plan.CeaseReason;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.reporting.domain.CaseFile;
import org.ehcptracker.reporting.domain.Events;
import org.ehcptracker.reporting.sen2.Sen2Return.ActivePlan;
import org.ehcptracker.reporting.sen2.Sen2Return.Assessment;
import org.ehcptracker.reporting.sen2.Sen2Return.NamedPlan;
import org.ehcptracker.reporting.sen2.Sen2Return.Placement;
import org.ehcptracker.reporting.sen2.Sen2Return.Request;
import org.ehcptracker.reporting.sen2.Sen2Return.Sen2Case;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked SEN2 modules (docs/sen2.md) of council 980 for the census date of collection year 2026: Thursday
 * 15 January 2026 (1 January 2026 is a Thursday: the Thursdays of January are the 1st, 8th and 15th). The calendar
 * year counted is 1 January to 31 December 2025. Each case's expected row is written out in full.
 */
class Sen2ReturnTest {

    static final String LA = "980";
    static final CensusDate CENSUS = CensusDate.ofYear(2026);

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static Sen2Case only(List<IntegrationEvent> events, UUID caseId) {
        Sen2Return r = Sen2Return.of(LA, CENSUS, CaseFile.fold(events));
        return r.cases().stream().filter(c -> c.caseId().equals(caseId)).findFirst().orElse(null);
    }

    @Test
    void the_census_date_is_the_third_thursday_of_january_and_the_year_counted_the_one_before() {
        assertThat(CensusDate.ofYear(2026).date()).isEqualTo(d("2026-01-15"));
        // 1 January 2025 is a Wednesday: Thursdays 2, 9, 16
        assertThat(CensusDate.ofYear(2025).date()).isEqualTo(d("2025-01-16"));
        // 1 January 2027 is a Friday: Thursdays 7, 14, 21
        assertThat(CensusDate.ofYear(2027).date()).isEqualTo(d("2027-01-21"));
        assertThat(CENSUS.periodStart()).isEqualTo(d("2025-01-01"));
        assertThat(CENSUS.periodEnd()).isEqualTo(d("2025-12-31"));
        assertThat(CensusDate.parse("2026-01-15", d("2026-11-29"))).isEqualTo(CENSUS);
    }

    @Test
    void a_census_date_missing_malformed_not_a_third_thursday_or_in_the_future_is_refused_naming_the_field() {
        LocalDate today = d("2026-11-29");
        for (String bad : new String[] {null, "", "2026-13-01", "15/01/2026", "2026-01-16", "2026-01-08"}) {
            assertThatThrownBy(() -> CensusDate.parse(bad, today)).isInstanceOf(CommandRejected.class)
                    .extracting("field").isEqualTo("censusDate");
        }
        // the census date of 2027 (21 January 2027) is after today
        assertThatThrownBy(() -> CensusDate.parse("2027-01-21", today)).isInstanceOf(CommandRejected.class)
                .hasMessageContaining("future");
        // on the census date itself it may be asked for
        assertThat(CensusDate.parse("2027-01-21", d("2027-01-21")).collectionYear()).isEqualTo(2027);
    }

    /**
     * Received 3 March 2025, refused 10 April 2025; the family went to mediation about the refusal on 1 May 2025.
     * Requests row: received 2025-03-03, outcome N (decided not to assess) on 2025-04-10, mediation yes, tribunal
     * no; no assessment, no active plan.
     */
    @Test
    void a_request_refused() {
        Events c = Events.forNewCase(LA);
        List<IntegrationEvent> events = List.of(c.requested(d("2025-03-03")),
                c.decided(d("2025-04-10"), AssessmentDecision.REFUSE), c.mediation(d("2025-05-01")));

        Sen2Case row = only(events, c.caseId());

        assertThat(row.request()).isEqualTo(new Request(d("2025-03-03"), "PARENT", "N", d("2025-04-10"), true, false, null));
        assertThat(row.assessment()).isNull();
        assertThat(row.activePlan()).isNull();
        assertThat(row.childRef()).isEqualTo(((org.ehcptracker.contracts.assessment.AssessmentRequested) events.get(0)).childRef());
    }

    /**
     * Received 3 February 2025, decided to assess 14 March 2025, decided not to issue a plan 20 June 2025.
     * Requests: Y (decided to assess) on 2025-03-14. Assessment: N (decided not to issue) on 2025-06-20, no disputes, no exception; no
     * named plan; no active plan.
     */
    @Test
    void assessed_and_no_plan() {
        Events c = Events.forNewCase(LA);
        List<IntegrationEvent> events = List.of(c.requested(d("2025-02-03")),
                c.decided(d("2025-03-14"), AssessmentDecision.ASSESS),
                c.concluded(d("2025-06-20"), AssessmentOutcome.NO_PLAN));

        Sen2Case row = only(events, c.caseId());

        assertThat(row.request()).isEqualTo(new Request(d("2025-02-03"), "PARENT", "Y", d("2025-03-14"), false, false, null));
        assertThat(row.assessment()).isEqualTo(new Assessment("N", d("2025-06-20"), false, false, false, false, false, null));
        assertThat(row.activePlan()).isNull();
    }

    /**
     * Received 6 January 2025, assessed 14 February 2025, a 20-week exception from 7 April 2025, decided to issue
     * 25 April 2025, final plan naming school URN 139021 on 23 May 2025, a tribunal about its contents registered
     * 1 July 2025. Requests: Y on 2025-02-14. Assessment: Y on 2025-05-23 (the plan's issue, not the decision to
     * issue), other tribunal yes, week20 yes; named plan
     * started 2025-05-23, not ceased, placement URN 139021 rank 1. Active on the census date with the same placement,
     * no review yet (the first is due 23 May 2026), not transferred.
     */
    @Test
    void a_plan_issued_with_a_named_school() {
        Events c = Events.forNewCase(LA);
        List<IntegrationEvent> events = List.of(c.requested(d("2025-01-06")),
                c.decided(d("2025-02-14"), AssessmentDecision.ASSESS),
                c.exception(d("2025-04-07"), StatutoryLimit.FINAL_PLAN_20_WEEKS),
                c.concluded(d("2025-04-25"), AssessmentOutcome.ISSUE_PLAN),
                c.draftPlan(d("2025-04-28")),
                c.finalPlan(d("2025-05-23"), d("2025-01-06")),
                c.dispute(d("2025-07-01"), DisputeKind.TRIBUNAL, DisputeStage.PLAN_CONTENTS));

        Sen2Case row = only(events, c.caseId());

        Placement school = new Placement("139021", null, null, 1);
        assertThat(row.request()).isEqualTo(new Request(d("2025-01-06"), "PARENT", "Y", d("2025-02-14"), false, false, null));
        assertThat(row.assessment()).isEqualTo(new Assessment("Y", d("2025-05-23"), false, false, false, true, true,
                new NamedPlan(c.planId(), d("2025-05-23"), null, null, school)));
        assertThat(row.activePlan()).isEqualTo(new ActivePlan(c.planId(), null, null, null, null, school, List.of()));
    }

    /**
     * Received 4 September 2023, assessed 13 October 2023, final plan 19 January 2024 (URN 139021); reviewed
     * 15 January 2025, decided 29 January 2025 to cease; ceased 31 March 2025 as the child moved to another council.
     * In the return because the plan ceased in 2025: named plan started 2024-01-19, ceased 2025-03-31 reason 5
     * (transferred to another LA); no active plan.
     */
    @Test
    void a_plan_ceased() {
        Events c = Events.forNewCase(LA);
        UUID review = UUID.randomUUID();
        List<IntegrationEvent> events = List.of(c.requested(d("2023-09-04")),
                c.decided(d("2023-10-13"), AssessmentDecision.ASSESS),
                c.concluded(d("2024-01-10"), AssessmentOutcome.ISSUE_PLAN),
                c.finalPlan(d("2024-01-19"), d("2023-09-04")),
                c.reviewMeeting(d("2025-01-15"), review, null, null),
                c.reviewDecided(d("2025-01-29"), review, ReviewOutcome.CEASE, d("2025-01-15")),
                c.planCeased(d("2025-03-31"), CeaseReason.MOVED_TO_ANOTHER_LA));

        Sen2Case row = only(events, c.caseId());

        assertThat(row.request()).isEqualTo(new Request(d("2023-09-04"), "PARENT", "Y", d("2023-10-13"), false, false, null));
        assertThat(row.assessment().namedPlan()).isEqualTo(new NamedPlan(c.planId(), d("2024-01-19"), d("2025-03-31"), 5,
                new Placement("139021", null, null, 1)));
        assertThat(row.activePlan()).isNull();
    }

    /**
     * Council 981 received the request on 4 November 2024 and decided to assess on 13 December 2024; 980 became
     * responsible on 3 February 2025 (the clock restarts). 980's return: received 2024-11-04, Y on 2024-12-13,
     * transferred from 981; assessment still open (A, no date). 981's return does not hold the case (980 is
     * responsible on the census date).
     */
    @Test
    void a_transfer_in() {
        UUID caseId = UUID.randomUUID();
        Events before = new Events(caseId, "981");
        Events after = new Events(caseId, LA);
        List<IntegrationEvent> events = List.of(before.requested(d("2024-11-04")),
                before.decided(d("2024-12-13"), AssessmentDecision.ASSESS),
                after.transferredIn(d("2025-02-03"), "981"));

        Sen2Case row = only(events, caseId);

        assertThat(row.request()).isEqualTo(new Request(d("2024-11-04"), "PARENT", "Y", d("2024-12-13"), false, false, "981"));
        assertThat(row.assessment()).isEqualTo(new Assessment("A", null, false, false, false, false, false, null));
        assertThat(Sen2Return.of("981", CENSUS, CaseFile.fold(events)).cases()).isEmpty();
    }

    /** Received 7 July 2025, withdrawn 1 August 2025 before any decision: W on 2025-08-01, no assessment. */
    @Test
    void a_withdrawal() {
        Events c = Events.forNewCase(LA);
        List<IntegrationEvent> events = List.of(c.requested(d("2025-07-07")), c.withdrawn(d("2025-08-01")));

        Sen2Case row = only(events, c.caseId());

        assertThat(row.request()).isEqualTo(new Request(d("2025-07-07"), "PARENT", "W", d("2025-08-01"), false, false, null));
        assertThat(row.assessment()).isNull();
        assertThat(row.activePlan()).isNull();
    }

    /**
     * Outside the collection year: received 9 January 2023 and refused 17 February 2023 (nothing in 2025, no plan);
     * and a request received 20 January 2026, after the census date (its events do not count yet). Neither is in the
     * return. A request received 12 December 2025 and decided on 9 January 2026 (before the census date) is, with
     * the decision: Y on 2026-01-09.
     */
    @Test
    void a_case_outside_the_collection_year() {
        Events old = Events.forNewCase(LA);
        Events late = Events.forNewCase(LA);
        Events december = Events.forNewCase(LA);
        List<IntegrationEvent> events = List.of(old.requested(d("2023-01-09")),
                old.decided(d("2023-02-17"), AssessmentDecision.REFUSE),
                late.requested(d("2026-01-20")),
                december.requested(d("2025-12-12")), december.decided(d("2026-01-09"), AssessmentDecision.ASSESS));

        Sen2Return r = Sen2Return.of(LA, CENSUS, CaseFile.fold(events));

        assertThat(r.cases()).extracting(Sen2Case::caseId).containsExactly(december.caseId());
        assertThat(r.cases().get(0).request().requestOutcomeDate()).isEqualTo(d("2026-01-09"));
        assertThat(r).extracting(Sen2Return::localAuthorityCode, Sen2Return::censusDate, Sen2Return::collectionYear,
                Sen2Return::periodStart, Sen2Return::periodEnd)
                .containsExactly(LA, d("2026-01-15"), 2026, d("2025-01-01"), d("2025-12-31"));
    }

    /**
     * A plan in force since 15 July 2022 naming a setting type, not a school (OLA: other arrangements made by the
     * LA); its annual review met 10 June 2025 and decided on 24 June 2025 to keep it. The request (received
     * 7 March 2022) is reported as the active plan's parent: Y on 2022-04-15; active plan: review meeting 2025-06-10,
     * outcome K, decision 2025-06-24, placement SENsetting OLA. A setting type outside the guide's list is OTH.
     */
    @Test
    void an_active_plan_from_an_earlier_year_with_its_annual_review() {
        Events c = Events.forNewCase(LA);
        UUID review = UUID.randomUUID();
        List<IntegrationEvent> events = new ArrayList<>(List.of(c.requested(d("2022-03-07")),
                c.decided(d("2022-04-15"), AssessmentDecision.ASSESS),
                c.concluded(d("2022-06-24"), AssessmentOutcome.ISSUE_PLAN),
                new FinalPlanIssued(UUID.randomUUID(), c.caseId(), LA, d("2022-07-15"), Instant.parse("2022-07-15T10:00:00Z"),
                        1, c.planId(), null, "OLA", d("2022-03-07")),
                c.reviewMeeting(d("2025-06-10"), review, null, null),
                c.reviewDecided(d("2025-06-24"), review, ReviewOutcome.KEEP, d("2025-06-10"))));

        Sen2Case row = only(events, c.caseId());

        Placement ola = new Placement(null, null, "OLA", 1);
        assertThat(row.request().requestOutcome()).isEqualTo("Y");
        assertThat(row.assessment().namedPlan()).isEqualTo(new NamedPlan(c.planId(), d("2022-07-15"), null, null, ola));
        assertThat(row.activePlan()).isEqualTo(new ActivePlan(c.planId(), null, d("2025-06-10"), "K", d("2025-06-24"), ola, List.of()));
        assertThat(Sen2Return.placement(null, "RESIDENTIAL_SPECIAL")).isEqualTo(new Placement(null, null, "OTH", 1));
        assertThat(Sen2Return.placement("10012345", null)).isEqualTo(new Placement(null, "10012345", null, 1));
    }

    /**
     * The same plan's SEN needs: ASD recorded from its issue (15 July 2022); SEMH then SLCN from its amendment of
     * 1 September 2025; PD dated 2 February 2026, after the census date (15 January 2026), so not yet; a recording for
     * another plan is not this plan's. Module 5c: SEMH rank 1, SLCN rank 2.
     */
    @Test
    void the_active_plans_sen_needs_are_the_recording_that_holds_on_the_census_date_ranked() {
        Events c = Events.forNewCase(LA);
        java.util.function.BiFunction<String, List<org.ehcptracker.contracts.plan.SenNeedType>, IntegrationEvent> needs =
                (date, types) -> new org.ehcptracker.contracts.plan.SenNeedsRecorded(UUID.randomUUID(), c.caseId(), LA,
                        d(date), Instant.parse("2026-01-10T09:00:00Z"), 1, c.planId(), types);
        List<IntegrationEvent> events = new ArrayList<>(List.of(c.requested(d("2022-03-07")),
                c.decided(d("2022-04-15"), AssessmentDecision.ASSESS),
                c.concluded(d("2022-06-24"), AssessmentOutcome.ISSUE_PLAN),
                new FinalPlanIssued(UUID.randomUUID(), c.caseId(), LA, d("2022-07-15"), Instant.parse("2022-07-15T10:00:00Z"),
                        1, c.planId(), null, "OLA", d("2022-03-07")),
                needs.apply("2025-09-01", List.of(org.ehcptracker.contracts.plan.SenNeedType.SEMH,
                        org.ehcptracker.contracts.plan.SenNeedType.SLCN)),
                // recorded last, but dated earlier: the amendment's recording still holds
                needs.apply("2022-07-15", List.of(org.ehcptracker.contracts.plan.SenNeedType.ASD)),
                needs.apply("2026-02-02", List.of(org.ehcptracker.contracts.plan.SenNeedType.PD)),
                new org.ehcptracker.contracts.plan.SenNeedsRecorded(UUID.randomUUID(), c.caseId(), LA, d("2025-12-01"),
                        Instant.parse("2026-01-10T09:00:00Z"), 1, UUID.randomUUID(),
                        List.of(org.ehcptracker.contracts.plan.SenNeedType.HI))));

        Sen2Case row = only(events, c.caseId());

        assertThat(row.activePlan().senNeeds()).containsExactly(new Sen2Return.SenNeed("SEMH", 1),
                new Sen2Return.SenNeed("SLCN", 2));
    }

    @Test
    void every_cease_reason_has_its_guide_code() {
        assertThat(List.of(CeaseReason.values())).extracting(Sen2Return::ceaseReason)
                .containsExactly(2, 5, 3, 6, 1, 9);
    }

    @Test
    void a_council_with_no_cases_has_an_empty_return() {
        assertThat(Sen2Return.of("982", CENSUS, List.of()).cases()).isEmpty();
    }
}
