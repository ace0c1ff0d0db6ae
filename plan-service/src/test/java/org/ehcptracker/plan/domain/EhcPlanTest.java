package org.ehcptracker.plan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.plan.ConsultationAnswered;
import org.ehcptracker.contracts.plan.DraftPlanIssued;
import org.ehcptracker.contracts.plan.ParentResponseReceived;
import org.ehcptracker.contracts.plan.SettingConsulted;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;
import org.ehcptracker.kit.domain.EventIds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Given plan events and the local view of the case, when a command ({@link PlanDecider}), then events or
 * a rejection; and what the plan view shows of the state ({@link PlanState}) the events rebuild.
 */
class EhcPlanTest {

    static final UUID CASE = UUID.fromString("d6c826ed-1d5b-41a3-8b42-65ac9e572462");
    static final LocalDate RECEIVED = LocalDate.of(2025, 3, 3);
    static final LocalDate DRAFTED = LocalDate.of(2025, 6, 9);
    static final Instant NOW = Instant.parse("2025-12-01T23:30:00Z"); // 1 December in England (GMT)
    static final LocalDate TODAY = LocalDate.of(2025, 12, 1);

    // ids 00000000-0000-0000-0000-000000000001, ...0002, ... in the order the decider asks for them
    final DecisionContext ctx = new DecisionContext(TODAY, NOW, EventIds.sequence());
    final List<PlanEvent> history = new ArrayList<>();

    static UUID id(long n) {
        return new UUID(0, n);
    }

    static Optional<AssessmentCase> caseIn(CaseStatus status) {
        return Optional.of(new AssessmentCase(CASE, "839", RECEIVED, status));
    }

    static final Optional<AssessmentCase> ASSESSING = caseIn(CaseStatus.ASSESSING);

    /** The state the events so far rebuild. */
    PlanState plan() {
        return PlanState.TYPE.rebuild(history);
    }

    List<PlanEvent> draft(LocalDate on, Optional<AssessmentCase> c) {
        List<PlanEvent> events = PlanDecider.decide(new IssueDraftPlan(CASE, on), plan(), c, ctx);
        history.addAll(events);
        return events;
    }

    List<PlanEvent> fin(LocalDate on, String urn, String type, Optional<AssessmentCase> c) {
        List<PlanEvent> events = PlanDecider.decide(new IssueFinalPlan(CASE, on, urn, type), plan(), c, ctx);
        history.addAll(events);
        return events;
    }

    List<PlanEvent> respond(LocalDate on, String urn, String type) {
        return record(PlanDecider.decide(new RecordParentResponse(CASE, on, urn, type, "we would like 139021"), plan(),
                ASSESSING, ctx));
    }

    List<PlanEvent> consult(String urn, LocalDate on) {
        return record(PlanDecider.decide(new ConsultSetting(CASE, urn, on), plan(), ASSESSING, ctx));
    }

    List<PlanEvent> answer(String urn, LocalDate on, Boolean canMeet) {
        return record(PlanDecider.decide(new RecordConsultationAnswer(CASE, urn, on, canMeet), plan(), ASSESSING, ctx));
    }

    List<PlanEvent> record(List<PlanEvent> events) {
        history.addAll(events);
        return events;
    }

    static void assertRejected(Runnable command, CommandRejected.Kind kind, String field, String message) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(CommandRejected.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Nested
    class Draft {

        @Test
        void for_a_case_being_assessed_issues_the_draft_with_a_new_plan_id() {
            List<PlanEvent> events = draft(DRAFTED, ASSESSING);

            assertThat(events).singleElement().isInstanceOfSatisfying(DraftPlanIssued.class, d -> {
                assertThat(d.caseId()).isEqualTo(CASE);
                assertThat(d.localAuthorityCode()).isEqualTo("839");
                assertThat(d.businessDate()).isEqualTo(DRAFTED);
                assertThat(d.occurredAt()).isEqualTo(NOW);
                assertThat(d.schemaVersion()).isEqualTo(1);
                assertThat(d.planId()).isNotNull().isNotEqualTo(d.eventId());
            });
            assertThat(plan()).isInstanceOfSatisfying(PlanState.DraftIssued.class,
                    d -> assertThat(d.planId()).isEqualTo(((DraftPlanIssued) events.get(0)).planId()));
        }

        @Test
        void decides_exactly_this_event_and_the_plan_becomes_drafted() {
            assertThat(draft(DRAFTED, ASSESSING))
                    .containsExactly(new DraftPlanIssued(id(1), CASE, "839", DRAFTED, NOW, 1, id(2)));
            assertThat(plan()).isEqualTo(new PlanState.DraftIssued(CASE, id(2), "839", DRAFTED));
        }

        @Test
        void on_the_clock_start_itself_is_allowed() {
            assertThat(draft(RECEIVED, ASSESSING)).hasSize(1);
        }

        @Test
        void carries_the_local_authority_of_the_view() {
            var transferred = Optional.of(new AssessmentCase(CASE, "857", RECEIVED, CaseStatus.ASSESSING));
            assertThat(draft(DRAFTED, transferred).get(0).localAuthorityCode()).isEqualTo("857");
        }

        @Test
        void for_a_case_the_view_has_not_seen_is_unprocessable() {
            assertRejected(() -> draft(DRAFTED, Optional.empty()), CommandRejected.Kind.UNPROCESSABLE, null,
                    "plan-service has not seen case " + CASE + " accepted for assessment");
        }

        @Test
        void for_a_refused_case_is_unprocessable() {
            assertRejected(() -> draft(DRAFTED, caseIn(CaseStatus.REFUSED)), CommandRejected.Kind.UNPROCESSABLE,
                    null, "the LA refused to assess case " + CASE + "; no plan can be drafted");
        }

        @Test
        void for_a_withdrawn_request_is_unprocessable() {
            assertRejected(() -> draft(DRAFTED, caseIn(CaseStatus.WITHDRAWN)), CommandRejected.Kind.UNPROCESSABLE,
                    null, "the request for case " + CASE + " was withdrawn");
        }

        @Test
        void for_a_case_the_LA_decided_not_to_issue_a_plan_for_is_unprocessable() {
            assertRejected(() -> draft(DRAFTED, caseIn(CaseStatus.CONCLUDED_NO_PLAN)), CommandRejected.Kind.UNPROCESSABLE,
                    null, "the LA decided not to issue a plan for case " + CASE);
            assertThat(plan()).isEqualTo(PlanState.NONE);
        }

        @Test
        void before_the_decision_to_assess_is_unprocessable() {
            assertRejected(() -> draft(DRAFTED, caseIn(CaseStatus.REQUESTED)), CommandRejected.Kind.UNPROCESSABLE,
                    null, "has not decided yet whether to assess case " + CASE);
        }

        @Test
        void a_second_draft_is_a_conflict() {
            draft(DRAFTED, ASSESSING);
            assertRejected(() -> draft(DRAFTED.plusDays(1), ASSESSING), CommandRejected.Kind.CONFLICT, null,
                    "a draft plan was already issued for case " + CASE + " on " + DRAFTED);
        }

        @Test
        void dated_before_the_clock_start_is_unprocessable_on_issued_date() {
            assertRejected(() -> draft(RECEIVED.minusDays(1), ASSESSING), CommandRejected.Kind.UNPROCESSABLE,
                    "issuedDate", "before the clock start " + RECEIVED);
        }

        @Test
        void dated_before_a_restarted_clock_is_unprocessable() {
            var restarted = Optional.of(new AssessmentCase(CASE, "839", DRAFTED.plusDays(1), CaseStatus.ASSESSING));
            assertRejected(() -> draft(DRAFTED, restarted), CommandRejected.Kind.UNPROCESSABLE, "issuedDate",
                    "before the clock start " + DRAFTED.plusDays(1));
        }

        @Test
        void dated_today_is_allowed_but_tomorrow_is_unprocessable_on_issued_date() {
            assertRejected(() -> draft(TODAY.plusDays(1), ASSESSING), CommandRejected.Kind.UNPROCESSABLE,
                    "issuedDate", "is in the future (today is " + TODAY + ")");
            assertThat(draft(TODAY, ASSESSING)).hasSize(1);
        }

        @Test
        void without_a_date_is_invalid() {
            assertRejected(() -> draft(null, ASSESSING), CommandRejected.Kind.INVALID, "issuedDate", "required");
        }
    }

    @Nested
    class Final {

        final LocalDate issued = LocalDate.of(2025, 7, 18);

        @Test
        void after_the_draft_issues_the_final_plan_with_the_clock_start_as_request_received_date() {
            UUID planId = ((DraftPlanIssued) draft(DRAFTED, ASSESSING).get(0)).planId();

            List<PlanEvent> events = fin(issued, "139021", null, ASSESSING);

            assertThat(events).singleElement().isInstanceOfSatisfying(FinalPlanIssued.class, f -> {
                assertThat(f.planId()).isEqualTo(planId);
                assertThat(f.caseId()).isEqualTo(CASE);
                assertThat(f.localAuthorityCode()).isEqualTo("839");
                assertThat(f.businessDate()).isEqualTo(issued);
                assertThat(f.namedSettingUrn()).isEqualTo("139021");
                assertThat(f.settingType()).isNull();
                assertThat(f.requestReceivedDate()).isEqualTo(RECEIVED);
                assertThat(f.occurredAt()).isEqualTo(NOW);
            });
        }

        @Test
        void decides_exactly_this_event_and_the_plan_becomes_final() {
            draft(DRAFTED, ASSESSING); // event id(1), plan id(2)

            assertThat(fin(issued, "139021", null, ASSESSING)).containsExactly(new FinalPlanIssued(id(3), CASE, "839",
                    issued, NOW, 1, id(2), "139021", null, RECEIVED));
            assertThat(plan()).isEqualTo(new PlanState.FinalIssued(new PlanState.DraftIssued(CASE, id(2), "839", DRAFTED),
                    issued, "139021", null, RECEIVED));
        }

        @Test
        void may_name_a_type_of_setting_instead() {
            draft(DRAFTED, ASSESSING);
            assertThat(fin(issued, null, "MSS", ASSESSING).get(0)).isInstanceOfSatisfying(FinalPlanIssued.class, f -> {
                assertThat(f.settingType()).isEqualTo("MSS");
                assertThat(f.namedSettingUrn()).isNull();
            });
        }

        @Test
        void after_a_transfer_in_reports_the_restarted_clock() {
            draft(DRAFTED, ASSESSING);
            LocalDate transferred = LocalDate.of(2025, 4, 1);
            var view = Optional.of(new AssessmentCase(CASE, "839", transferred, CaseStatus.ASSESSING));
            assertThat(((FinalPlanIssued) fin(issued, "139021", null, view).get(0)).requestReceivedDate())
                    .isEqualTo(transferred);
        }

        // draft Monday 9 June 2025: the family's 15 days end on Tuesday 24 June (9 + 15); the final plan on
        // 24 June or earlier needs their response recorded, from Wednesday 25 June it does not
        @Test
        void within_the_familys_15_days_without_their_response_is_unprocessable_on_issued_date() {
            draft(DRAFTED, ASSESSING);
            assertRejected(() -> fin(DRAFTED, "139021", null, ASSESSING), CommandRejected.Kind.UNPROCESSABLE,
                    "issuedDate", "is within the family's 15 days to comment on the draft (until 2025-06-24");
        }

        @Test
        void on_the_last_of_the_15_days_without_their_response_is_unprocessable() {
            draft(DRAFTED, ASSESSING);
            assertRejected(() -> fin(LocalDate.of(2025, 6, 24), "139021", null, ASSESSING),
                    CommandRejected.Kind.UNPROCESSABLE, "issuedDate", "no response from them is recorded");
        }

        @Test
        void the_day_after_the_15_days_needs_no_response() {
            draft(DRAFTED, ASSESSING);
            assertThat(fin(LocalDate.of(2025, 6, 25), "139021", null, ASSESSING)).hasSize(1);
        }

        @Test
        void within_the_15_days_once_the_family_responded_is_allowed() {
            draft(DRAFTED, ASSESSING);
            respond(LocalDate.of(2025, 6, 12), null, null);
            assertThat(fin(LocalDate.of(2025, 6, 13), "139021", null, ASSESSING)).hasSize(1);
        }

        @Test
        void with_a_consultation_unanswered_is_allowed_as_the_LA_decides_without_it() {
            draft(DRAFTED, ASSESSING);
            consult("139021", LocalDate.of(2025, 7, 1));
            assertThat(fin(LocalDate.of(2025, 7, 2), "139021", null, ASSESSING)).hasSize(1);
        }

        @Test
        void without_a_draft_is_unprocessable() {
            assertRejected(() -> fin(issued, "139021", null, ASSESSING), CommandRejected.Kind.UNPROCESSABLE, null,
                    "a final plan needs a draft plan first: no draft issued for case " + CASE);
        }

        @Test
        void for_a_refused_case_is_unprocessable() {
            assertRejected(() -> fin(issued, "139021", null, caseIn(CaseStatus.REFUSED)),
                    CommandRejected.Kind.UNPROCESSABLE, null, "the LA refused to assess case " + CASE);
        }

        @Test
        void for_a_case_withdrawn_after_the_draft_is_unprocessable() {
            draft(DRAFTED, ASSESSING);
            assertRejected(() -> fin(issued, "139021", null, caseIn(CaseStatus.WITHDRAWN)),
                    CommandRejected.Kind.UNPROCESSABLE, null, "was withdrawn; no plan can be issued");
        }

        @Test
        void for_a_case_concluded_with_no_plan_after_the_draft_is_unprocessable() {
            draft(DRAFTED, ASSESSING);
            assertRejected(() -> fin(issued, "139021", null, caseIn(CaseStatus.CONCLUDED_NO_PLAN)),
                    CommandRejected.Kind.UNPROCESSABLE, null, "the LA decided not to issue a plan for case " + CASE);
            assertThat(plan()).isNotInstanceOf(PlanState.FinalIssued.class);
        }

        @Test
        void for_a_case_unknown_to_the_view_is_unprocessable() {
            assertRejected(() -> fin(issued, "139021", null, Optional.empty()), CommandRejected.Kind.UNPROCESSABLE,
                    null, "plan-service has not seen case " + CASE + " accepted for assessment");
        }

        @Test
        void a_second_final_plan_is_a_conflict() {
            draft(DRAFTED, ASSESSING);
            fin(issued, "139021", null, ASSESSING);
            assertRejected(() -> fin(issued.plusDays(1), null, "MSS", ASSESSING), CommandRejected.Kind.CONFLICT,
                    null, "the final plan for case " + CASE + " was already issued on " + issued);
        }

        @Test
        void naming_both_a_setting_and_a_type_is_unprocessable_on_the_setting_field() {
            draft(DRAFTED, ASSESSING);
            assertRejected(() -> fin(issued, "139021", "MSS", ASSESSING), CommandRejected.Kind.UNPROCESSABLE,
                    "namedSettingUrn", "not both");
        }

        @Test
        void naming_neither_a_setting_nor_a_type_is_unprocessable_on_the_setting_field() {
            draft(DRAFTED, ASSESSING);
            assertRejected(() -> fin(issued, null, null, ASSESSING), CommandRejected.Kind.UNPROCESSABLE,
                    "namedSettingUrn", "must name a setting");
        }

        @Test
        void a_blank_setting_type_is_unprocessable_on_that_field() {
            draft(DRAFTED, ASSESSING);
            assertRejected(() -> fin(issued, null, "  ", ASSESSING), CommandRejected.Kind.UNPROCESSABLE,
                    "settingType", "must not be blank");
        }

        @Test
        void dated_before_the_draft_is_unprocessable_on_issued_date() {
            draft(DRAFTED, ASSESSING);
            assertRejected(() -> fin(DRAFTED.minusDays(1), "139021", null, ASSESSING),
                    CommandRejected.Kind.UNPROCESSABLE, "issuedDate", "before the draft plan was issued (" + DRAFTED + ")");
        }

        @Test
        void dated_in_the_future_is_unprocessable_on_issued_date() {
            draft(DRAFTED, ASSESSING);
            assertRejected(() -> fin(TODAY.plusDays(1), "139021", null, ASSESSING),
                    CommandRejected.Kind.UNPROCESSABLE, "issuedDate", "is in the future");
        }

        @Test
        void dated_before_a_clock_restarted_after_the_draft_is_unprocessable_on_issued_date() {
            draft(DRAFTED, ASSESSING);
            var restarted = Optional.of(new AssessmentCase(CASE, "839", issued.plusDays(1), CaseStatus.ASSESSING));
            assertRejected(() -> fin(issued, "139021", null, restarted), CommandRejected.Kind.UNPROCESSABLE,
                    "issuedDate", "before the clock start");
        }
    }

    @Nested
    class FamilyResponse {

        // draft Friday 20 June 2025: the 15 days run across the month end to Saturday 5 July (30 June + 5)
        final LocalDate draftedLate = LocalDate.of(2025, 6, 20);

        @Test
        void records_the_date_and_the_setting_asked_for_but_never_the_comments() {
            draft(draftedLate, ASSESSING); // event id(1), plan id(2)
            assertThat(respond(LocalDate.of(2025, 7, 5), "139021", null)).containsExactly(new ParentResponseReceived(
                    id(3), CASE, "839", LocalDate.of(2025, 7, 5), NOW, 1, id(2), "139021", null));
            assertThat(((PlanState.DraftIssued) plan()).parentResponse())
                    .isEqualTo(new PlanState.ParentResponse(LocalDate.of(2025, 7, 5), "139021", null));
        }

        @Test
        void may_ask_for_a_type_of_setting() {
            draft(draftedLate, ASSESSING);
            assertThat(((ParentResponseReceived) respond(draftedLate, null, "MSS").get(0)).requestedSettingType())
                    .isEqualTo("MSS");
        }

        @Test
        void the_final_plan_on_5_July_needs_it_and_on_6_July_does_not() {
            draft(draftedLate, ASSESSING);
            assertRejected(() -> fin(LocalDate.of(2025, 7, 5), null, "MSS", ASSESSING),
                    CommandRejected.Kind.UNPROCESSABLE, "issuedDate", "(until 2025-07-05, Reg 13(1))");
            assertThat(fin(LocalDate.of(2025, 7, 6), null, "MSS", ASSESSING)).hasSize(1);
        }

        @Test
        void asking_for_both_a_setting_and_a_type_is_unprocessable_on_the_setting_field() {
            draft(draftedLate, ASSESSING);
            assertRejected(() -> respond(draftedLate, "139021", "MSS"), CommandRejected.Kind.UNPROCESSABLE,
                    "requestedSettingUrn", "not both");
        }

        @Test
        void without_a_draft_is_unprocessable() {
            assertRejected(() -> respond(draftedLate, null, null), CommandRejected.Kind.UNPROCESSABLE, null,
                    "the family's response needs the draft plan first");
        }

        @Test
        void a_second_response_is_a_conflict() {
            draft(draftedLate, ASSESSING);
            respond(draftedLate, null, null);
            assertRejected(() -> respond(draftedLate.plusDays(1), null, null), CommandRejected.Kind.CONFLICT, null,
                    "was already recorded (received 2025-06-20)");
        }

        @Test
        void after_the_final_plan_is_a_conflict() {
            draft(draftedLate, ASSESSING);
            fin(LocalDate.of(2025, 7, 6), null, "MSS", ASSESSING);
            assertRejected(() -> respond(LocalDate.of(2025, 7, 7), null, null), CommandRejected.Kind.CONFLICT, null,
                    "was already issued on 2025-07-06");
        }

        @Test
        void dated_before_the_draft_or_in_the_future_is_unprocessable_on_received_date() {
            draft(draftedLate, ASSESSING);
            assertRejected(() -> respond(draftedLate.minusDays(1), null, null), CommandRejected.Kind.UNPROCESSABLE,
                    "receivedDate", "is before the draft plan was issued (2025-06-20)");
            assertRejected(() -> respond(TODAY.plusDays(1), null, null), CommandRejected.Kind.UNPROCESSABLE,
                    "receivedDate", "is in the future");
        }

        @Test
        void comments_with_a_NUL_character_are_invalid_on_that_field() {
            draft(draftedLate, ASSESSING);
            assertRejected(() -> PlanDecider.decide(new RecordParentResponse(CASE, draftedLate, null, null, "a\u0000b"),
                    plan(), ASSESSING, ctx), CommandRejected.Kind.INVALID, "comments", "control character");
        }
    }

    @Nested
    class Consultations {

        // consulted Monday 23 June 2025: the answer is due Tuesday 8 July (23 + 15 = 38 = 30 June + 8)
        final LocalDate consulted = LocalDate.of(2025, 6, 23);

        @Test
        void a_consultation_is_due_15_days_later_across_the_month_end() {
            draft(DRAFTED, ASSESSING); // id(1), plan id(2)
            assertThat(consult("139021", consulted)).containsExactly(new SettingConsulted(id(3), CASE, "839", consulted,
                    NOW, 1, id(2), "139021", LocalDate.of(2025, 7, 8)));
        }

        @Test
        void the_answer_is_recorded_with_whether_the_setting_can_meet_the_needs() {
            draft(DRAFTED, ASSESSING);
            consult("139021", consulted);
            assertThat(answer("139021", LocalDate.of(2025, 7, 9), false)).containsExactly(new ConsultationAnswered(
                    id(4), CASE, "839", LocalDate.of(2025, 7, 9), NOW, 1, id(2), "139021", false));
            assertThat(((PlanState.DraftIssued) plan()).consultation("139021")).contains(new PlanState.Consultation(
                    "139021", consulted, LocalDate.of(2025, 7, 8), LocalDate.of(2025, 7, 9), false));
        }

        @Test
        void a_late_answer_after_the_final_plan_is_still_recorded() {
            draft(DRAFTED, ASSESSING);
            consult("139021", consulted);
            fin(LocalDate.of(2025, 7, 18), null, "MSS", ASSESSING);
            assertThat(answer("139021", LocalDate.of(2025, 7, 21), true)).hasSize(1);
            assertThat(plan()).isInstanceOfSatisfying(PlanState.FinalIssued.class,
                    f -> assertThat(f.draft().consultation("139021").orElseThrow().answered()).isTrue());
        }

        @Test
        void consulting_the_same_setting_twice_is_a_conflict() {
            draft(DRAFTED, ASSESSING);
            consult("139021", consulted);
            assertRejected(() -> consult("139021", consulted.plusDays(1)), CommandRejected.Kind.CONFLICT, null,
                    "setting 139021 was already consulted for case " + CASE + " on 2025-06-23");
        }

        @Test
        void a_second_answer_is_a_conflict() {
            draft(DRAFTED, ASSESSING);
            consult("139021", consulted);
            answer("139021", consulted, true);
            assertRejected(() -> answer("139021", consulted, true), CommandRejected.Kind.CONFLICT, null,
                    "already answered on 2025-06-23");
        }

        @Test
        void an_answer_from_a_setting_not_consulted_is_not_found() {
            draft(DRAFTED, ASSESSING);
            assertRejected(() -> answer("100000", consulted, true), CommandRejected.Kind.NOT_FOUND, null,
                    "setting 100000 was not consulted");
        }

        @Test
        void an_answer_before_the_consultation_is_unprocessable_on_answered_date() {
            draft(DRAFTED, ASSESSING);
            consult("139021", consulted);
            assertRejected(() -> answer("139021", consulted.minusDays(1), true), CommandRejected.Kind.UNPROCESSABLE,
                    "answeredDate", "is before the setting was consulted (2025-06-23)");
        }

        @Test
        void an_answer_without_can_meet_needs_is_invalid_on_that_field() {
            draft(DRAFTED, ASSESSING);
            consult("139021", consulted);
            assertRejected(() -> answer("139021", consulted, null), CommandRejected.Kind.INVALID, "canMeetNeeds",
                    "canMeetNeeds is required");
        }

        @Test
        void consulting_before_the_draft_exists_or_after_the_final_plan_is_refused() {
            assertRejected(() -> consult("139021", consulted), CommandRejected.Kind.UNPROCESSABLE, null,
                    "a consultation needs the draft plan first");
            draft(DRAFTED, ASSESSING);
            fin(LocalDate.of(2025, 7, 18), null, "MSS", ASSESSING);
            assertRejected(() -> consult("139021", LocalDate.of(2025, 7, 19)), CommandRejected.Kind.CONFLICT, null,
                    "no more settings can be consulted");
        }

        @Test
        void consulting_before_the_draft_date_is_unprocessable_on_consulted_date() {
            draft(DRAFTED, ASSESSING);
            assertRejected(() -> consult("139021", DRAFTED.minusDays(1)), CommandRejected.Kind.UNPROCESSABLE,
                    "consultedDate", "is before the draft plan was issued");
        }
    }

    @Nested
    class HeldUpBy {

        // draft 9 June 2025 (the family's 15 days end 24 June); setting 139021 consulted 23 June, due 8 July
        @Test
        void while_the_15_days_run_the_family_holds_it_up() {
            draft(DRAFTED, ASSESSING);
            var today = LocalDate.of(2025, 6, 16);
            assertThat(PlanView.heldUpBy((PlanState.DraftIssued) plan(), today)).containsExactly(
                    new PlanView.HoldUp(PlanView.HoldUpReason.PARENT_RESPONSE, null, DRAFTED, 7,
                            LocalDate.of(2025, 6, 24), false));
        }

        @Test
        void an_unanswered_consultation_past_its_15_days_is_overdue() {
            draft(DRAFTED, ASSESSING);
            consult("139021", LocalDate.of(2025, 6, 23));
            var today = LocalDate.of(2025, 7, 9);
            assertThat(PlanView.heldUpBy((PlanState.DraftIssued) plan(), today)).containsExactly(
                    new PlanView.HoldUp(PlanView.HoldUpReason.CONSULTATION_ANSWER, "139021", LocalDate.of(2025, 6, 23),
                            16, LocalDate.of(2025, 7, 8), true));
        }

        @Test
        void on_its_due_day_a_consultation_is_not_yet_overdue() {
            draft(DRAFTED, ASSESSING);
            consult("139021", LocalDate.of(2025, 6, 23));
            assertThat(PlanView.heldUpBy((PlanState.DraftIssued) plan(), LocalDate.of(2025, 7, 8)))
                    .singleElement().satisfies(h -> assertThat(h.overdue()).isFalse());
        }

        @Test
        void with_nothing_awaited_the_LA_holds_it_up_since_the_last_answer() {
            draft(DRAFTED, ASSESSING);
            respond(LocalDate.of(2025, 6, 20), "139021", null);
            consult("139021", LocalDate.of(2025, 6, 23));
            answer("139021", LocalDate.of(2025, 7, 1), true);
            assertThat(PlanView.heldUpBy((PlanState.DraftIssued) plan(), LocalDate.of(2025, 7, 11))).containsExactly(
                    new PlanView.HoldUp(PlanView.HoldUpReason.LOCAL_AUTHORITY, null, LocalDate.of(2025, 7, 1), 10,
                            null, false));
        }

        @Test
        void after_the_15_days_with_no_response_the_LA_holds_it_up_since_their_end() {
            draft(DRAFTED, ASSESSING);
            assertThat(PlanView.heldUpBy((PlanState.DraftIssued) plan(), LocalDate.of(2025, 6, 30))).containsExactly(
                    new PlanView.HoldUp(PlanView.HoldUpReason.LOCAL_AUTHORITY, null, LocalDate.of(2025, 6, 24), 6,
                            null, false));
        }

        @Test
        void the_view_of_a_final_plan_has_no_hold_ups_and_shows_the_advice_flag() {
            draft(DRAFTED, ASSESSING);
            respond(LocalDate.of(2025, 6, 20), null, "MSS");
            fin(LocalDate.of(2025, 7, 18), null, "MSS", ASSESSING);
            PlanView view = PlanView.of(plan(), ASSESSING, AdviceSummary.NONE, TODAY, "comments", true).orElseThrow();
            assertThat(view.heldUpBy()).isEmpty();
            assertThat(view.adviceOutstandingAtIssue()).isTrue();
            assertThat(view.parentResponse()).isEqualTo(new PlanView.ParentResponseView(LocalDate.of(2025, 6, 20), null,
                    "MSS", "comments"));
        }
    }

    @Nested
    class State {

        @Test
        void is_none_before_any_event() {
            assertThat(plan()).isEqualTo(PlanState.NONE);
        }

        @Test
        void an_event_of_another_case_is_refused() {
            draft(DRAFTED, ASSESSING);
            UUID other = UUID.fromString("00000000-0000-0000-0000-00000000beef");
            var stray = new FinalPlanIssued(id(9), other, "839", DRAFTED, NOW, 1, id(2), null, "MSS", RECEIVED);

            assertThatThrownBy(() -> plan().evolve(stray)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is for case " + other);
        }
    }

    @Nested
    class View {

        @Test
        void there_is_none_before_a_draft() {
            assertThat(PlanView.of(plan(), ASSESSING, AdviceSummary.NONE)).isEmpty();
        }

        @Test
        void of_a_draft_reports_the_deadlines_and_the_parent_comment_period() {
            draft(DRAFTED, ASSESSING);
            var advice = new AdviceSummary(5, 3, 1);

            PlanView view = PlanView.of(plan(), ASSESSING, advice).orElseThrow();

            assertThat(view.status()).isEqualTo(PlanView.PlanStatus.DRAFT);
            assertThat(view.planId()).isEqualTo(((PlanState.DraftIssued) plan()).planId());
            assertThat(view.clockStart()).isEqualTo(RECEIVED);
            assertThat(view.finalPlanDue()).isEqualTo(LocalDate.of(2025, 7, 21)); // day 140
            assertThat(view.draftIssuedDate()).isEqualTo(DRAFTED);
            assertThat(view.parentCommentPeriodEnds()).isEqualTo(LocalDate.of(2025, 6, 24)); // 15 days
            assertThat(view.finalIssuedDate()).isNull();
            assertThat(view.issuedWithin20Weeks()).isNull();
            assertThat(view.weeksToIssue()).isNull();
            assertThat(view.advice()).isEqualTo(advice);
        }

        @Test
        void of_a_final_plan_issued_on_day_140_is_within_20_weeks() {
            draft(DRAFTED, ASSESSING);
            fin(LocalDate.of(2025, 7, 21), null, "MSS", ASSESSING);

            PlanView view = PlanView.of(plan(), ASSESSING, AdviceSummary.NONE).orElseThrow();

            assertThat(view.status()).isEqualTo(PlanView.PlanStatus.FINAL);
            assertThat(view.finalIssuedDate()).isEqualTo(LocalDate.of(2025, 7, 21));
            assertThat(view.settingType()).isEqualTo("MSS");
            assertThat(view.issuedWithin20Weeks()).isTrue();
            assertThat(view.weeksToIssue()).isEqualTo(20.0);
        }

        @Test
        void of_a_final_plan_issued_on_day_141_is_late_and_keeps_the_clock_it_was_issued_against() {
            draft(DRAFTED, ASSESSING);
            fin(LocalDate.of(2025, 7, 22), "139021", null, ASSESSING);
            var laterTransfer = Optional.of(new AssessmentCase(CASE, "839", LocalDate.of(2025, 7, 22),
                    CaseStatus.ASSESSING));

            PlanView view = PlanView.of(plan(), laterTransfer, AdviceSummary.NONE).orElseThrow();

            assertThat(view.clockStart()).isEqualTo(RECEIVED);
            assertThat(view.issuedWithin20Weeks()).isFalse();
            assertThat(view.weeksToIssue()).isEqualTo(141 / 7.0);
        }
    }

    /**
     * A new plan after the case's plan ceased (issue 9 item 2). The first plan: draft Monday 9 June 2025 (event id 1,
     * plan id 2), final Friday 18 July 2025 (event id 3); it ceased on Friday 3 October 2025 (its own stream; the
     * decider is told the date). The second: draft Monday 10 November 2025 (event id 4, plan id 5); the family's
     * 15 days run to Tuesday 25 November (10 + 15); its final plan on Wednesday 26 November needs no response (event
     * id 6). Today is Monday 1 December 2025.
     */
    @Nested
    class NewPlanAfterCessation {

        final LocalDate issued = LocalDate.of(2025, 7, 18);
        final LocalDate ceased = LocalDate.of(2025, 10, 3);
        final LocalDate redrafted = LocalDate.of(2025, 11, 10);
        final LocalDate reissued = LocalDate.of(2025, 11, 26);

        void firstPlanIssued() {
            draft(DRAFTED, ASSESSING);
            fin(issued, "139021", null, ASSESSING);
        }

        List<PlanEvent> redraft(LocalDate on, Optional<LocalDate> lastCeased) {
            return record(PlanDecider.decide(new IssueDraftPlan(CASE, on), plan(), ASSESSING, lastCeased, ctx));
        }

        @Test
        void once_the_plan_ceased_a_new_draft_gets_a_new_plan_id_and_the_first_plan_stays_as_history() {
            firstPlanIssued();
            PlanState.FinalIssued first = (PlanState.FinalIssued) plan();

            assertThat(redraft(redrafted, Optional.of(ceased)))
                    .containsExactly(new DraftPlanIssued(id(4), CASE, "839", redrafted, NOW, 1, id(5)));
            assertThat(plan()).isEqualTo(new PlanState.DraftIssued(CASE, id(5), "839", redrafted, null,
                    java.util.Map.of(), List.of(first)));
        }

        @Test
        void the_new_plan_runs_its_own_course_to_its_final_plan() {
            firstPlanIssued();
            redraft(redrafted, Optional.of(ceased));

            // 26 November is the day after the family's 15 days (to 25 November): no response needed
            assertThat(fin(reissued, null, "MSS", ASSESSING)).containsExactly(new FinalPlanIssued(id(6), CASE, "839",
                    reissued, NOW, 1, id(5), null, "MSS", RECEIVED));
            assertThat(plan()).isInstanceOfSatisfying(PlanState.FinalIssued.class, f -> {
                assertThat(f.planId()).isEqualTo(id(5));
                assertThat(f.earlierPlans()).extracting(PlanState.FinalIssued::planId).containsExactly(id(2));
            });
        }

        @Test
        void the_new_plans_family_has_their_own_15_days() {
            firstPlanIssued();
            redraft(redrafted, Optional.of(ceased));

            assertRejected(() -> fin(LocalDate.of(2025, 11, 25), "139021", null, ASSESSING),
                    CommandRejected.Kind.UNPROCESSABLE, "issuedDate", "within the family's 15 days to comment on the"
                            + " draft (until 2025-11-25");
        }

        @Test
        void while_the_plan_is_in_force_a_new_draft_is_a_conflict() {
            firstPlanIssued();

            assertRejected(() -> redraft(redrafted, Optional.empty()), CommandRejected.Kind.CONFLICT, null,
                    "final plan " + id(2) + " (issued 2025-07-18) is in force: a new plan can be drafted only after it"
                            + " ceases");
            assertRejected(() -> draft(redrafted, ASSESSING), CommandRejected.Kind.CONFLICT, null,
                    "a draft plan was already issued for case " + CASE + " on " + DRAFTED);
        }

        @Test
        void a_new_draft_dated_before_the_cessation_is_unprocessable_on_issued_date() {
            firstPlanIssued();

            // Thursday 2 October, the day before the first plan ceased
            assertRejected(() -> redraft(LocalDate.of(2025, 10, 2), Optional.of(ceased)),
                    CommandRejected.Kind.UNPROCESSABLE, "issuedDate",
                    "issuedDate 2025-10-02 is before plan " + id(2) + " ceased (2025-10-03)");
            assertThat(redraft(ceased, Optional.of(ceased))).hasSize(1);
        }

        @Test
        void the_case_must_still_be_one_the_la_may_plan_for() {
            firstPlanIssued();

            assertRejected(() -> record(PlanDecider.decide(new IssueDraftPlan(CASE, redrafted), plan(),
                    caseIn(CaseStatus.WITHDRAWN), Optional.of(ceased), ctx)), CommandRejected.Kind.UNPROCESSABLE, null,
                    "was withdrawn; no plan can be drafted");
        }

        @Test
        void a_second_draft_of_the_new_plan_is_a_conflict() {
            firstPlanIssued();
            redraft(redrafted, Optional.of(ceased));

            assertRejected(() -> redraft(redrafted.plusDays(1), Optional.of(ceased)), CommandRejected.Kind.CONFLICT,
                    null, "a draft plan was already issued for case " + CASE + " on " + redrafted);
        }

        @Test
        void the_case_view_shows_the_new_plan_and_the_ceased_one() {
            firstPlanIssued();
            redraft(redrafted, Optional.of(ceased));

            PlanView view = PlanView.of(plan(), ASSESSING, AdviceSummary.NONE, TODAY, null, null,
                    java.util.Map.of(id(2), new PlanView.Cessation(ceased, "MOVED_TO_ANOTHER_LA")), AssessmentHistory.NONE)
                    .orElseThrow();

            assertThat(view.planId()).isEqualTo(id(5));
            assertThat(view.status()).isEqualTo(PlanView.PlanStatus.DRAFT);
            assertThat(view.draftIssuedDate()).isEqualTo(redrafted);
            assertThat(view.parentCommentPeriodEnds()).isEqualTo(LocalDate.of(2025, 11, 25));
            assertThat(view.earlierPlans()).containsExactly(new PlanView.EarlierPlan(id(2), DRAFTED, issued, "139021",
                    null, ceased, "MOVED_TO_ANOTHER_LA"));
        }

        @Test
        void a_first_plan_has_no_earlier_plans() {
            firstPlanIssued();

            assertThat(PlanView.of(plan(), ASSESSING, AdviceSummary.NONE).orElseThrow().earlierPlans()).isEmpty();
        }
    }

    /**
     * The case's exceptions and disputes as plan-service's view knows them (issue 9 item 6): SEN2's "exceptions apply"
     * for the final plan is derived from the exceptions not withdrawn against the final plan's limit.
     */
    @Nested
    class AssessmentHistoryShown {

        static AssessmentHistory.LimitException exception(org.ehcptracker.contracts.assessment.StatutoryLimit limit,
                                                          boolean withdrawn) {
            // recorded Wednesday 14 May 2025, applying from Monday 12 May to Friday 20 June
            return new AssessmentHistory.LimitException(id(90), limit,
                    org.ehcptracker.contracts.assessment.ExceptionReason.EXCEPTIONAL_PERSONAL_CIRCUMSTANCES,
                    LocalDate.of(2025, 5, 14), LocalDate.of(2025, 5, 12), LocalDate.of(2025, 6, 20), withdrawn);
        }

        @Test
        void an_exception_to_the_20_or_14_weeks_applies_to_the_final_plan_unless_withdrawn() {
            var twenty = org.ehcptracker.contracts.assessment.StatutoryLimit.FINAL_PLAN_20_WEEKS;
            var fourteen = org.ehcptracker.contracts.assessment.StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT;
            var sixWeeks = org.ehcptracker.contracts.assessment.StatutoryLimit.DECISION_6_WEEKS;

            assertThat(AssessmentHistory.of(null, null, List.of(exception(twenty, false)), List.of())
                    .finalPlanExceptionApplies()).isTrue();
            assertThat(AssessmentHistory.of(null, null, List.of(exception(fourteen, false)), List.of())
                    .finalPlanExceptionApplies()).isTrue();
            assertThat(AssessmentHistory.of(null, null, List.of(exception(twenty, true)), List.of())
                    .finalPlanExceptionApplies()).isFalse();
            assertThat(AssessmentHistory.of(null, null, List.of(exception(sixWeeks, false)), List.of())
                    .finalPlanExceptionApplies()).isFalse();
            assertThat(AssessmentHistory.NONE.finalPlanExceptionApplies()).isFalse();
        }

        @Test
        void a_dispute_is_shown_and_flagged_whatever_its_outcome() {
            // mediation registered Monday 16 June 2025 about the refusal to assess, resolved Tuesday 1 July
            var dispute = new AssessmentHistory.Dispute(id(91), org.ehcptracker.contracts.assessment.DisputeKind.MEDIATION,
                    org.ehcptracker.contracts.assessment.DisputeStage.REFUSAL_TO_ASSESS, LocalDate.of(2025, 6, 16),
                    org.ehcptracker.contracts.assessment.DisputeOutcome.DECISION_CHANGED, LocalDate.of(2025, 7, 1));
            AssessmentHistory history = AssessmentHistory.of(LocalDate.of(2025, 6, 2),
                    org.ehcptracker.contracts.assessment.AssessmentOutcome.ISSUE_PLAN, List.of(), List.of(dispute));

            assertThat(history.wentToMediationOrTribunal()).isTrue();
            assertThat(AssessmentHistory.NONE.wentToMediationOrTribunal()).isFalse();

            draft(DRAFTED, ASSESSING);
            PlanView view = PlanView.of(plan(), ASSESSING, AdviceSummary.NONE, TODAY, null, null, java.util.Map.of(),
                    history).orElseThrow();
            assertThat(view.assessment()).isEqualTo(history);
            assertThat(view.assessment().disputes()).containsExactly(dispute);
            assertThat(PlanView.of(plan(), ASSESSING, AdviceSummary.NONE).orElseThrow().assessment())
                    .isEqualTo(AssessmentHistory.NONE);
        }
    }
}
