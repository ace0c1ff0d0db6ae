package org.ehcptracker.advice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.advice.domain.AdviceRequestTest.AGENCY;
import static org.ehcptracker.advice.domain.AdviceRequestTest.CASE;
import static org.ehcptracker.advice.domain.AdviceRequestTest.FIRST_EVENT_ID;
import static org.ehcptracker.advice.domain.AdviceRequestTest.NOW;
import static org.ehcptracker.advice.domain.AdviceRequestTest.REQUEST;
import static org.ehcptracker.advice.domain.AdviceRequestTest.THE_AGENCY;
import static org.ehcptracker.advice.domain.AdviceRequestTest.TODAY;
import static org.ehcptracker.advice.domain.AdviceRequestTest.cancelled;
import static org.ehcptracker.advice.domain.AdviceRequestTest.ctx;
import static org.ehcptracker.advice.domain.AdviceRequestTest.given;
import static org.ehcptracker.advice.domain.AdviceRequestTest.rejected;
import static org.ehcptracker.advice.domain.AdviceRequestTest.requestAfter;
import static org.ehcptracker.advice.domain.AdviceRequestTest.requested;
import static org.ehcptracker.advice.domain.AdviceRequestTest.submitted;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.advice.AdviceExceptionReason;
import org.ehcptracker.contracts.advice.AdviceExceptionRecorded;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceReworkReason;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.statutory.StatutoryClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Items 5 and 6: returned for rework, and Reg 8(2) exceptions. The request was received on 11 April 2025
 * and is due on 23 May (11 April + 42 days: 19 days to 30 April, then 23 into May); today is 2 June 2025.
 */
class ReworkAndExceptionTest {

    static final LocalDate SUBMITTED_ON = LocalDate.of(2025, 5, 20);
    static final LocalDate RETURNED_ON = LocalDate.of(2025, 5, 22);

    static AdviceReturnedForRework returned(LocalDate on) {
        return new AdviceReturnedForRework(UUID.randomUUID(), CASE, "839", on, NOW, 2, REQUEST,
                AdviceReworkReason.PROVISION_NOT_QUANTIFIED);
    }

    @Nested
    class Rework {

        @Test
        void submitted_advice_is_returned_with_the_reason_code_and_the_note_stays_out_of_the_event() {
            List<AdviceEvent> events = AdviceDecider.decide(new ReturnForRework(REQUEST, RETURNED_ON,
                    AdviceReworkReason.PROVISION_NOT_QUANTIFIED, "Say how many hours of SaLT a week"),
                    given(requested(), submitted(SUBMITTED_ON)), ctx());
            assertThat(events).containsExactly(new AdviceReturnedForRework(FIRST_EVENT_ID, CASE, "839", RETURNED_ON, NOW, 2,
                    REQUEST, AdviceReworkReason.PROVISION_NOT_QUANTIFIED));
        }

        @Test
        void after_rework_the_request_is_open_again_and_keeps_its_first_submission() {
            // submitted 20 May (in time, 3 days before the 23 May due date), returned 22 May, resubmitted 30 May
            var afterReturn = requestAfter(List.of(requested(), submitted(SUBMITTED_ON), returned(RETURNED_ON)));
            assertThat(afterReturn.status()).isEqualTo(AdviceRequestStatus.REQUESTED);
            assertThat(afterReturn.awaitingRework()).isTrue();
            assertThat(afterReturn.firstSubmittedDate()).isEqualTo(SUBMITTED_ON);
            assertThat(afterReturn.reworkCount()).isEqualTo(1);
            // open on 2 June, 10 days after the due date of 23 May
            assertThat(afterReturn.daysLateAsOf(TODAY)).isEqualTo(10L);

            var resubmitted = requestAfter(List.of(requested(), submitted(SUBMITTED_ON), returned(RETURNED_ON),
                    submitted(LocalDate.of(2025, 5, 30))));
            assertThat(resubmitted.status()).isEqualTo(AdviceRequestStatus.SUBMITTED);
            assertThat(resubmitted.submittedDate()).isEqualTo(LocalDate.of(2025, 5, 30));
            assertThat(resubmitted.firstSubmittedDate()).isEqualTo(SUBMITTED_ON);
            // the final answer, 30 May, is 7 days after 23 May
            assertThat(resubmitted.daysLateAsOf(TODAY)).isEqualTo(7L);
            assertThat(resubmitted.awaitingRework()).isFalse();
        }

        @Test
        void the_agency_resubmits_after_the_return_but_not_before_it() {
            var state = given(requested(), submitted(SUBMITTED_ON), returned(RETURNED_ON));
            assertThat(AdviceDecider.decide(new SubmitAdvice(REQUEST, LocalDate.of(2025, 5, 30), THE_AGENCY), state, ctx()))
                    .hasSize(1);
            rejected(() -> AdviceDecider.decide(new SubmitAdvice(REQUEST, LocalDate.of(2025, 5, 21), THE_AGENCY), state, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "submittedDate", "before the advice was returned for rework on 2025-05-22");
        }

        @Test
        void a_second_submission_without_rework_is_a_conflict() {
            rejected(() -> AdviceDecider.decide(new SubmitAdvice(REQUEST, LocalDate.of(2025, 5, 21), THE_AGENCY),
                            given(requested(), submitted(SUBMITTED_ON)), ctx()),
                    CommandRejected.Kind.CONFLICT, null, "already submitted on 2025-05-20");
        }

        @Test
        void nothing_submitted_nothing_to_return() {
            rejected(() -> AdviceDecider.decide(new ReturnForRework(REQUEST, RETURNED_ON, AdviceReworkReason.INCOMPLETE, null),
                            given(requested()), ctx()),
                    CommandRejected.Kind.CONFLICT, null, "has no advice to return");
            rejected(() -> AdviceDecider.decide(new ReturnForRework(REQUEST, RETURNED_ON, AdviceReworkReason.INCOMPLETE, null),
                            given(requested(), submitted(SUBMITTED_ON), returned(RETURNED_ON)), ctx()),
                    CommandRejected.Kind.CONFLICT, null, "last returned on 2025-05-22");
            rejected(() -> AdviceDecider.decide(new ReturnForRework(REQUEST, RETURNED_ON, AdviceReworkReason.INCOMPLETE, null),
                            given(requested(), cancelled(LocalDate.of(2025, 4, 14))), ctx()),
                    CommandRejected.Kind.CONFLICT, null, "was cancelled on 2025-04-14");
        }

        @Test
        void a_return_dated_before_the_submission_or_in_the_future_is_refused() {
            var state = given(requested(), submitted(SUBMITTED_ON));
            rejected(() -> AdviceDecider.decide(new ReturnForRework(REQUEST, LocalDate.of(2025, 5, 19), AdviceReworkReason.OTHER, null),
                            state, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "returnedDate", "before the advice was submitted on 2025-05-20");
            rejected(() -> AdviceDecider.decide(new ReturnForRework(REQUEST, TODAY.plusDays(1), AdviceReworkReason.OTHER, null),
                            state, ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "returnedDate", "in the future");
        }
    }

    @Nested
    class Exceptions {

        @Test
        void a_missed_appointment_inside_the_six_weeks_is_recorded_on_the_day_it_is_recorded() {
            var events = AdviceDecider.decide(new RecordAdviceException(REQUEST, "MISSED_APPOINTMENT",
                    LocalDate.of(2025, 4, 28), null), given(requested()), ctx());
            assertThat(events).containsExactly(new AdviceExceptionRecorded(FIRST_EVENT_ID, CASE, "839", TODAY, NOW, 1,
                    REQUEST, AdviceExceptionReason.MISSED_APPOINTMENT));
            var after = requestAfter(List.of(requested(), (AdviceEvent) events.get(0)));
            assertThat(after.exceptionReason()).isEqualTo(AdviceExceptionReason.MISSED_APPOINTMENT);
            assertThat(after.status()).isEqualTo(AdviceRequestStatus.REQUESTED);
        }

        @Test
        void an_absence_from_the_area_counts_only_from_four_weeks() {
            // 28 April to 25 May inclusive: 3 days of April left after the 28th (28, 29, 30) + 25 of May = 28 days
            assertThat(AdviceDecider.decide(new RecordAdviceException(REQUEST, "ABSENT_FROM_AREA",
                    LocalDate.of(2025, 4, 28), LocalDate.of(2025, 5, 25)), given(requested()), ctx())).hasSize(1);
            // to 24 May: 27 days
            rejected(() -> AdviceDecider.decide(new RecordAdviceException(REQUEST, "ABSENT_FROM_AREA",
                            LocalDate.of(2025, 4, 28), LocalDate.of(2025, 5, 24)), given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "endDate", "an absence of 27 days");
            rejected(() -> AdviceDecider.decide(new RecordAdviceException(REQUEST, "ABSENT_FROM_AREA",
                            LocalDate.of(2025, 4, 28), null), given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "endDate", "needs its last day");
        }

        @Test
        void across_a_leap_day_the_due_date_and_the_four_weeks_count_29_february() {
            // received 25 January 2024: 6 days to 31 January, 29 in February (day 35 = 29 Feb), due 7 March
            LocalDate received = LocalDate.of(2024, 1, 25);
            LocalDate due = LocalDate.of(2024, 3, 7);
            assertThat(StatutoryClock.adviceDue(received)).isEqualTo(due);
            var leapRequest = new AdviceRequested(UUID.randomUUID(), CASE, "839", received, NOW, 1, REQUEST,
                    AdviceType.EDUCATIONAL_PSYCHOLOGY, AGENCY, due);
            // away 8 February to 6 March: 22 days of February (8..29) + 6 of March = 28 days
            var events = AdviceDecider.decide(new RecordAdviceException(REQUEST, "ABSENT_FROM_AREA",
                    LocalDate.of(2024, 2, 8), LocalDate.of(2024, 3, 6)), given(leapRequest), ctx());
            assertThat(events).containsExactly(new AdviceExceptionRecorded(FIRST_EVENT_ID, CASE, "839", TODAY, NOW, 1,
                    REQUEST, AdviceExceptionReason.ABSENT_FROM_AREA));
            // in a common year the same span, 8 February to 6 March 2025, is 27 days
            assertThat(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2025, 2, 8), LocalDate.of(2025, 3, 6)) + 1)
                    .isEqualTo(27);
        }

        @Test
        void a_school_closure_is_refused_with_the_reason() {
            rejected(() -> AdviceDecider.decide(new RecordAdviceException(REQUEST, "SCHOOL_CLOSURE",
                            LocalDate.of(2025, 4, 28), null), given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "reason", "a school closure is not an exception to the 6 weeks for advice");
        }

        @Test
        void an_unknown_ground_is_invalid() {
            rejected(() -> AdviceDecider.decide(new RecordAdviceException(REQUEST, "HOLIDAY",
                            LocalDate.of(2025, 4, 28), null), given(requested()), ctx()),
                    CommandRejected.Kind.INVALID, "reason", "'HOLIDAY' is not one of");
        }

        @Test
        void not_at_this_stage_submitted_or_cancelled() {
            rejected(() -> AdviceDecider.decide(new RecordAdviceException(REQUEST, "MISSED_APPOINTMENT",
                            LocalDate.of(2025, 4, 28), null), given(requested(), submitted(SUBMITTED_ON)), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "reason", "already submitted");
            rejected(() -> AdviceDecider.decide(new RecordAdviceException(REQUEST, "MISSED_APPOINTMENT",
                            LocalDate.of(2025, 4, 28), null), given(requested(), cancelled(LocalDate.of(2025, 4, 14))), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "reason", "was cancelled");
        }

        @Test
        void outside_the_six_weeks_or_in_the_future_is_refused() {
            rejected(() -> AdviceDecider.decide(new RecordAdviceException(REQUEST, "MISSED_APPOINTMENT",
                            LocalDate.of(2025, 4, 10), null), given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "startDate", "outside the 6 weeks");
            rejected(() -> AdviceDecider.decide(new RecordAdviceException(REQUEST, "EXCEPTIONAL_CIRCUMSTANCES",
                            LocalDate.of(2025, 5, 24), null), given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "startDate", "outside the 6 weeks");
            rejected(() -> AdviceDecider.decide(new RecordAdviceException(REQUEST, "ABSENT_FROM_AREA",
                            LocalDate.of(2025, 5, 1), TODAY.plusDays(1)), given(requested()), ctx()),
                    CommandRejected.Kind.UNPROCESSABLE, "endDate", "in the future");
        }
    }
}
