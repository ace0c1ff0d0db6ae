package org.ehcptracker.advice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.ehcptracker.contracts.advice.AdviceCancellationReason;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceReworkReason;
import org.ehcptracker.contracts.advice.AdviceSubmitted;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;
import org.ehcptracker.kit.domain.EventIds;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Given events / when command / then events or rejection, for every rule of an advice request. */
class AdviceRequestTest {

    static final Instant NOW = Instant.parse("2025-06-02T09:30:00Z");
    /** "today" is 2025-06-02 in England. */
    static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
    /** The ids ctx() gives the events decided: ...0001, ...0002 */
    static final UUID FIRST_EVENT_ID = new UUID(0L, 1L);

    static final UUID CASE = UUID.fromString("d6c826ed-1d5b-41a3-8b42-65ac9e572462");
    static final UUID REQUEST = UUID.fromString("dc14ad1b-0608-4aab-8257-2a2481186ac5");
    static final LocalDate RECEIVED = LocalDate.of(2025, 3, 3);
    static final LocalDate REQUESTED_ON = LocalDate.of(2025, 4, 11);
    /** 11 April + 42 days: 19 days left in April, then 23 May. */
    static final LocalDate DUE = LocalDate.of(2025, 5, 23);
    static final String AGENCY = "839-EPS";

    static final Actor CASEWORKER = new Actor("caseworker", "jsmith");
    static final Actor THE_AGENCY = Actor.of("ep-user", java.util.Set.of("agency"), java.util.Set.of("839"), AGENCY);

    static Optional<AssessmentCase> aCase(CaseStatus status) {
        return Optional.of(new AssessmentCase(CASE, "839", RECEIVED, status));
    }

    static RequestAdvice requestAdvice(LocalDate requestedDate) {
        return new RequestAdvice(REQUEST, CASE, AdviceType.EDUCATIONAL_PSYCHOLOGY, AGENCY, requestedDate);
    }

    static AdviceRequested requested() {
        return new AdviceRequested(UUID.randomUUID(), CASE, "839", REQUESTED_ON, NOW, 1, REQUEST,
                AdviceType.EDUCATIONAL_PSYCHOLOGY, AGENCY, DUE);
    }

    static AdviceSubmitted submitted(LocalDate on) {
        return new AdviceSubmitted(UUID.randomUUID(), CASE, "839", on, NOW, 1, REQUEST,
                AdviceType.EDUCATIONAL_PSYCHOLOGY, AGENCY);
    }

    static AdviceRequestCancelled cancelled(LocalDate on) {
        return new AdviceRequestCancelled(UUID.randomUUID(), CASE, "839", on, NOW, 2, REQUEST,
                AdviceCancellationReason.EXISTING_ADVICE_REUSED);
    }

    /** The request as these past events leave it. */
    static AdviceRequestState given(AdviceEvent... events) {
        return AdviceRequest.TYPE.rebuild(List.of(events));
    }

    static AdviceRequestState.Request requestAfter(List<? extends AdviceEvent> history) {
        return (AdviceRequestState.Request) AdviceRequest.TYPE.rebuild(history);
    }

    /** Today and now as above, and event ids in sequence. */
    static DecisionContext ctx() {
        return new DecisionContext(TODAY, NOW, EventIds.sequence());
    }

    /** The context the application service builds from this clock (its date in the clock's zone). */
    static DecisionContext ctxOn(Clock clock) {
        return new DecisionContext(LocalDate.now(clock), clock.instant(), EventIds.sequence());
    }

    static void rejected(ThrowingCallable when, CommandRejected.Kind kind, String field, String messagePart) {
        assertThatThrownBy(when)
                .isInstanceOfSatisfying(CommandRejected.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }

    @Nested
    class RequestAdviceRules {

        @Test
        void a_case_being_assessed_gets_an_advice_request_due_six_weeks_after_the_agency_received_it() {
            List<AdviceEvent> events = AdviceDecider.decide(requestAdvice(REQUESTED_ON),
                    given(), aCase(CaseStatus.ASSESSING), ctx());

            assertThat(events).containsExactly(new AdviceRequested(FIRST_EVENT_ID, CASE, "839", REQUESTED_ON, NOW, 1,
                    REQUEST, AdviceType.EDUCATIONAL_PSYCHOLOGY, AGENCY, DUE));
            assertThat(events).hasSize(1);
            AdviceRequested e = (AdviceRequested) events.get(0);
            assertThat(e.caseId()).isEqualTo(CASE);
            assertThat(e.localAuthorityCode()).isEqualTo("839");
            assertThat(e.businessDate()).isEqualTo(REQUESTED_ON);
            assertThat(e.dueDate()).isEqualTo(LocalDate.of(2025, 5, 23));
            assertThat(e.adviceRequestId()).isEqualTo(REQUEST);
            assertThat(e.adviceType()).isEqualTo(AdviceType.EDUCATIONAL_PSYCHOLOGY);
            assertThat(e.agencyId()).isEqualTo(AGENCY);
            assertThat(e.occurredAt()).isEqualTo(NOW);
            assertThat(e.schemaVersion()).isEqualTo(1);
            assertThat(e.eventId()).isNotNull();
        }

        @Test
        void due_date_crosses_a_year_end() {
            var clock = Clock.fixed(Instant.parse("2026-01-05T12:00:00Z"), ZoneOffset.UTC);
            var events = AdviceDecider.decide(requestAdvice(LocalDate.of(2025, 12, 1)),
                    given(), aCase(CaseStatus.ASSESSING), ctxOn(clock));
            // 1 December + 42 days: 30 days to 31 December, 12 more: 12 January
            assertThat(((AdviceRequested) events.get(0)).dueDate()).isEqualTo(LocalDate.of(2026, 1, 12));
        }

        @Test
        void a_case_advice_service_has_not_seen_is_refused_with_a_clear_message() {
            rejected(() -> AdviceDecider.decide(requestAdvice(REQUESTED_ON), given(), Optional.empty(), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "caseId",
                    "advice-service has not seen case " + CASE
                            + " accepted for assessment (no AssessmentDecided to assess has arrived yet)");
        }

        @Test
        void a_case_requested_but_not_yet_decided_is_refused() {
            rejected(() -> AdviceDecider.decide(requestAdvice(REQUESTED_ON), given(), aCase(CaseStatus.REQUESTED), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "caseId", "not yet been decided");
        }

        @Test
        void a_refused_case_is_refused() {
            rejected(() -> AdviceDecider.decide(requestAdvice(REQUESTED_ON), given(), aCase(CaseStatus.REFUSED), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "caseId", "was refused an EHC needs assessment");
        }

        @Test
        void a_withdrawn_case_is_refused() {
            rejected(() -> AdviceDecider.decide(requestAdvice(REQUESTED_ON), given(), aCase(CaseStatus.WITHDRAWN), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "caseId", "was withdrawn");
        }

        @Test
        void requested_date_before_the_day_the_la_received_the_request_is_refused() {
            rejected(() -> AdviceDecider.decide(requestAdvice(RECEIVED.minusDays(1)),
                    given(), aCase(CaseStatus.ASSESSING), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "requestedDate", "before 2025-03-03");
        }

        @Test
        void requested_on_the_day_the_request_was_received_is_allowed() {
            var events = AdviceDecider.decide(requestAdvice(RECEIVED), given(), aCase(CaseStatus.ASSESSING), ctx());
            assertThat(((AdviceRequested) events.get(0)).businessDate()).isEqualTo(RECEIVED);
        }

        @Test
        void without_a_known_received_date_only_the_decision_is_checked() {
            var noDate = Optional.of(new AssessmentCase(CASE, "839", null, CaseStatus.ASSESSING));
            assertThat(AdviceDecider.decide(requestAdvice(REQUESTED_ON), given(), noDate, ctx())).hasSize(1);
        }

        @Test
        void requested_date_in_the_future_is_refused_but_today_is_allowed() {
            rejected(() -> AdviceDecider.decide(requestAdvice(TODAY.plusDays(1)),
                    given(), aCase(CaseStatus.ASSESSING), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "requestedDate", "in the future");
            assertThat(AdviceDecider.decide(requestAdvice(TODAY), given(), aCase(CaseStatus.ASSESSING), ctx())).hasSize(1);
        }

        @Test
        void today_is_the_date_in_the_clocks_zone_the_councils_not_utc() {
            // 23:30 UTC on 1 June is 00:30 on 2 June in London (BST); CouncilClock carries the council's zone and
            // the application service dates the DecisionContext with it
            var lateEvening = Clock.fixed(Instant.parse("2025-06-01T23:30:00Z"), ZoneId.of("Europe/London"));
            assertThat(ctxOn(lateEvening).today()).isEqualTo(LocalDate.of(2025, 6, 2));
            assertThat(AdviceDecider.decide(requestAdvice(LocalDate.of(2025, 6, 2)), given(), aCase(CaseStatus.ASSESSING),
                    ctxOn(lateEvening))).hasSize(1);
        }

        @Test
        void an_existing_stream_cannot_be_requested_again() {
            rejected(() -> AdviceDecider.decide(requestAdvice(REQUESTED_ON),
                    given(requested()), aCase(CaseStatus.ASSESSING), ctx()),
                    CommandRejected.Kind.CONFLICT, null, "already exists");
        }

        @Test
        void missing_or_malformed_input_is_invalid_and_named() {
            rejected(() -> AdviceDecider.decide(new RequestAdvice(REQUEST, CASE, null, AGENCY, REQUESTED_ON),
                    given(), aCase(CaseStatus.ASSESSING), ctx()),
                    CommandRejected.Kind.INVALID, "adviceType", "adviceType is required");
            rejected(() -> AdviceDecider.decide(new RequestAdvice(REQUEST, CASE, AdviceType.HEALTH, " ", REQUESTED_ON),
                    given(), aCase(CaseStatus.ASSESSING), ctx()),
                    CommandRejected.Kind.INVALID, "agencyId", "agencyId is required");
            rejected(() -> AdviceDecider.decide(new RequestAdvice(REQUEST, CASE, AdviceType.HEALTH, "839 EPS", REQUESTED_ON),
                    given(), aCase(CaseStatus.ASSESSING), ctx()),
                    CommandRejected.Kind.INVALID, "agencyId", "must be 1-100");
            rejected(() -> AdviceDecider.decide(new RequestAdvice(REQUEST, CASE, AdviceType.HEALTH, AGENCY, null),
                    given(), aCase(CaseStatus.ASSESSING), ctx()),
                    CommandRejected.Kind.INVALID, "requestedDate", "requestedDate is required");
        }
    }

    @Nested
    class SubmitAdviceRules {

        @Test
        void the_agency_asked_submits_its_advice() {
            var events = AdviceDecider.decide(new SubmitAdvice(REQUEST, LocalDate.of(2025, 5, 20), THE_AGENCY),
                    given(requested()), ctx());

            assertThat(events).containsExactly(new AdviceSubmitted(FIRST_EVENT_ID, CASE, "839", LocalDate.of(2025, 5, 20),
                    NOW, 1, REQUEST, AdviceType.EDUCATIONAL_PSYCHOLOGY, AGENCY));
            assertThat(events).hasSize(1);
            AdviceSubmitted e = (AdviceSubmitted) events.get(0);
            assertThat(e.caseId()).isEqualTo(CASE);
            assertThat(e.localAuthorityCode()).isEqualTo("839");
            assertThat(e.businessDate()).isEqualTo(LocalDate.of(2025, 5, 20));
            assertThat(e.adviceRequestId()).isEqualTo(REQUEST);
            assertThat(e.adviceType()).isEqualTo(AdviceType.EDUCATIONAL_PSYCHOLOGY);
            assertThat(e.agencyId()).isEqualTo(AGENCY);
            assertThat(e.occurredAt()).isEqualTo(NOW);
        }

        @Test
        void la_staff_may_record_advice_that_arrived_another_way() {
            assertThat(AdviceDecider.decide(new SubmitAdvice(REQUEST, DUE, CASEWORKER),
                    given(requested()), ctx())).hasSize(1);
        }

        @Test
        void another_agency_cannot_submit() {
            // a refusal of who acts (403 at the door), not of what is asked
            assertThatThrownBy(() -> AdviceDecider.decide(new SubmitAdvice(REQUEST, DUE, Actor.of("health-user", java.util.Set.of("agency"), java.util.Set.of("839"), "839-HEALTH")),
                    given(requested()), ctx()))
                    .isInstanceOfSatisfying(NotTheAgencyAsked.class, e -> {
                        assertThat(e.field()).isEqualTo("agencyId");
                        assertThat(e.getMessage()).contains("was addressed to agency 839-EPS, not to 839-HEALTH");
                    });
        }

        @Test
        void an_unknown_request_is_not_found() {
            rejected(() -> AdviceDecider.decide(new SubmitAdvice(REQUEST, DUE, THE_AGENCY), given(), ctx()),
                    CommandRejected.Kind.NOT_FOUND, null, "there is no advice request " + REQUEST);
        }

        @Test
        void a_second_submission_is_a_conflict() {
            rejected(() -> AdviceDecider.decide(new SubmitAdvice(REQUEST, DUE, THE_AGENCY),
                    given(requested(), submitted(DUE)), ctx()),
                    CommandRejected.Kind.CONFLICT, null, "already submitted on 2025-05-23");
        }

        @Test
        void a_cancelled_request_cannot_be_submitted() {
            rejected(() -> AdviceDecider.decide(new SubmitAdvice(REQUEST, DUE, THE_AGENCY),
                    given(requested(), cancelled(LocalDate.of(2025, 4, 14))), ctx()),
                    CommandRejected.Kind.CONFLICT, null, "was cancelled on 2025-04-14");
        }

        @Test
        void advice_returned_for_rework_can_be_submitted_again() {
            var rework = new AdviceReturnedForRework(UUID.randomUUID(), CASE, "839", LocalDate.of(2025, 5, 22), NOW, 2,
                    REQUEST, AdviceReworkReason.PROVISION_NOT_QUANTIFIED);
            var events = AdviceDecider.decide(new SubmitAdvice(REQUEST, LocalDate.of(2025, 5, 30), THE_AGENCY),
                    given(requested(), submitted(LocalDate.of(2025, 5, 20)), rework), ctx());
            assertThat(((AdviceSubmitted) events.get(0)).businessDate()).isEqualTo(LocalDate.of(2025, 5, 30));
        }

        @Test
        void submitted_before_it_was_requested_is_refused_but_the_same_day_is_allowed() {
            rejected(() -> AdviceDecider.decide(new SubmitAdvice(REQUEST, REQUESTED_ON.minusDays(1), THE_AGENCY),
                    given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "submittedDate", "before the advice was requested on 2025-04-11");
            assertThat(AdviceDecider.decide(new SubmitAdvice(REQUEST, REQUESTED_ON, THE_AGENCY),
                    given(requested()), ctx())).hasSize(1);
        }

        @Test
        void submitted_in_the_future_is_refused() {
            rejected(() -> AdviceDecider.decide(new SubmitAdvice(REQUEST, TODAY.plusDays(1), THE_AGENCY),
                    given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "submittedDate", "in the future");
        }

        @Test
        void a_missing_submitted_date_is_invalid() {
            rejected(() -> AdviceDecider.decide(new SubmitAdvice(REQUEST, null, THE_AGENCY), given(requested()), ctx()),
                    CommandRejected.Kind.INVALID, "submittedDate", "submittedDate is required");
        }
    }

    @Nested
    class CancelRules {

        @Test
        void an_open_request_is_cancelled_with_its_reason_code_and_the_note_stays_off_the_event() {
            // given: requested 2025-04-11 (due 2025-05-23); today 2025-06-02
            // when:  cancelled 2025-04-14 as EXISTING_ADVICE_REUSED (Reg 6(4)) with a note naming the child
            // then:  AdviceRequestCancelled v2 dated 2025-04-14, reason the code; the note is on no event
            var events = AdviceDecider.decide(new CancelAdviceRequest(REQUEST, AdviceCancellationReason.EXISTING_ADVICE_REUSED,
                            "Jane's EP report of March 2025 reused with her parents' agreement", LocalDate.of(2025, 4, 14)),
                    given(requested()), ctx());
            assertThat(events).containsExactly(new AdviceRequestCancelled(FIRST_EVENT_ID, CASE, "839",
                    LocalDate.of(2025, 4, 14), NOW, 2, REQUEST, AdviceCancellationReason.EXISTING_ADVICE_REUSED));
            AdviceRequestCancelled e = (AdviceRequestCancelled) events.get(0);
            assertThat(e.schemaVersion()).isEqualTo(AdviceRequestCancelled.SCHEMA_VERSION);
            assertThat(e.toString()).doesNotContain("Jane").doesNotContain("March");
        }

        @Test
        void without_a_date_it_is_cancelled_today() {
            // given: requested 2025-04-11; today 2025-06-02; when: cancelled with no date; then: dated 2025-06-02
            var events = AdviceDecider.decide(new CancelAdviceRequest(REQUEST, AdviceCancellationReason.NO_LONGER_NEEDED, null, null),
                    given(requested()), ctx());
            assertThat(events).containsExactly(new AdviceRequestCancelled(FIRST_EVENT_ID, CASE, "839",
                    TODAY, NOW, 2, REQUEST, AdviceCancellationReason.NO_LONGER_NEEDED));
        }

        @Test
        void every_caseworker_reason_is_published_as_chosen() {
            for (AdviceCancellationReason reason : AdviceDecider.CASEWORKER_CANCELLATION_REASONS) {
                var events = AdviceDecider.decide(new CancelAdviceRequest(REQUEST, reason, null, LocalDate.of(2025, 4, 14)),
                        given(requested()), ctx());
                assertThat(events).containsExactly(new AdviceRequestCancelled(FIRST_EVENT_ID, CASE, "839",
                        LocalDate.of(2025, 4, 14), NOW, 2, REQUEST, reason));
            }
            assertThat(AdviceDecider.CASEWORKER_CANCELLATION_REASONS).containsExactly(
                    AdviceCancellationReason.EXISTING_ADVICE_REUSED, AdviceCancellationReason.SENT_TO_WRONG_AGENCY,
                    AdviceCancellationReason.DUPLICATE_REQUEST, AdviceCancellationReason.NO_LONGER_NEEDED,
                    AdviceCancellationReason.OTHER);
        }

        @Test
        void the_case_closure_codes_are_left_to_advice_service() {
            for (AdviceCancellationReason reason : List.of(AdviceCancellationReason.CASE_REFUSED_ASSESSMENT,
                    AdviceCancellationReason.CASE_WITHDRAWN, AdviceCancellationReason.CASE_CONCLUDED_WITHOUT_PLAN)) {
                rejected(() -> AdviceDecider.decide(new CancelAdviceRequest(REQUEST, reason, null, null), given(requested()), ctx()),
                        CommandRejected.Kind.INVALID, "reason", "is written by advice-service itself when the case closes");
            }
        }

        @Test
        void an_unknown_request_is_not_found() {
            rejected(() -> AdviceDecider.decide(new CancelAdviceRequest(REQUEST, AdviceCancellationReason.OTHER, null, null),
                            given(), ctx()),
                    CommandRejected.Kind.NOT_FOUND, null, "there is no advice request");
        }

        @Test
        void a_submitted_request_cannot_be_cancelled() {
            rejected(() -> AdviceDecider.decide(new CancelAdviceRequest(REQUEST, AdviceCancellationReason.OTHER, null, null),
                    given(requested(), submitted(DUE)), ctx()),
                    CommandRejected.Kind.CONFLICT, null, "a submitted request cannot be cancelled");
        }

        @Test
        void a_cancelled_request_cannot_be_cancelled_again() {
            rejected(() -> AdviceDecider.decide(new CancelAdviceRequest(REQUEST, AdviceCancellationReason.OTHER, null, null),
                    given(requested(), cancelled(REQUESTED_ON)), ctx()),
                    CommandRejected.Kind.CONFLICT, null, "already cancelled on 2025-04-11");
        }

        @Test
        void a_reason_is_required() {
            rejected(() -> AdviceDecider.decide(new CancelAdviceRequest(REQUEST, null, "a note alone is not enough", null),
                            given(requested()), ctx()),
                    CommandRejected.Kind.INVALID, "reason", "reason is required: one of [EXISTING_ADVICE_REUSED");
        }

        @Test
        void cancelled_before_it_was_requested_or_in_the_future_is_refused() {
            rejected(() -> AdviceDecider.decide(new CancelAdviceRequest(REQUEST, AdviceCancellationReason.OTHER, null, REQUESTED_ON.minusDays(1)),
                    given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "cancelledDate", "before the advice was requested");
            rejected(() -> AdviceDecider.decide(new CancelAdviceRequest(REQUEST, AdviceCancellationReason.OTHER, null, TODAY.plusDays(1)),
                    given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "cancelledDate", "in the future");
        }
    }

    @Nested
    class StateAndLateness {

        @Test
        void the_state_follows_the_events() {
            var history = new ArrayList<AdviceEvent>(List.of(requested()));
            AdviceRequestState.Request open = requestAfter(history);
            assertThat(open.status()).isEqualTo(AdviceRequestStatus.REQUESTED);
            assertThat(open.dueDate()).isEqualTo(DUE);

            history.add(submitted(LocalDate.of(2025, 5, 20)));
            AdviceRequestState.Request done = requestAfter(history);
            assertThat(done.status()).isEqualTo(AdviceRequestStatus.SUBMITTED);
            assertThat(done.submittedDate()).isEqualTo(LocalDate.of(2025, 5, 20));

            assertThat(requestAfter(List.of(requested(), cancelled(REQUESTED_ON))).status())
                    .isEqualTo(AdviceRequestStatus.CANCELLED);
            assertThat(AdviceRequest.TYPE.rebuild(List.of())).isEqualTo(AdviceRequestState.NONE);
        }

        @Test
        void a_stream_must_start_with_the_request() {
            assertThatThrownBy(() -> AdviceRequest.TYPE.rebuild(List.of(submitted(DUE))))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void submitted_on_the_due_date_is_in_time_the_day_after_is_late() {
            assertThat(requestAfter(List.of(requested(), submitted(DUE))).lateAsOf(TODAY)).isFalse();
            assertThat(requestAfter(List.of(requested(), submitted(DUE.plusDays(1)))).lateAsOf(TODAY)).isTrue();
        }

        @Test
        void an_open_request_is_late_only_after_its_due_date() {
            AdviceRequestState.Request open = requestAfter(List.of(requested()));
            assertThat(open.lateAsOf(DUE)).isFalse();
            assertThat(open.lateAsOf(DUE.plusDays(1))).isTrue();
        }

        @Test
        void a_cancelled_request_is_never_late() {
            assertThat(requestAfter(List.of(requested(), cancelled(REQUESTED_ON)))
                    .lateAsOf(DUE.plusYears(1))).isFalse();
        }
    }
}
