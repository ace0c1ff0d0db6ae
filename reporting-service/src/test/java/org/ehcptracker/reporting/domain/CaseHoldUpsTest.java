package org.ehcptracker.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceExceptionReason;
import org.ehcptracker.contracts.advice.AdviceExceptionRecorded;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.ExceptionCorrected;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.contracts.plan.ConsultationAnswered;
import org.ehcptracker.contracts.plan.ParentResponseReceived;
import org.ehcptracker.contracts.plan.SettingConsulted;
import org.ehcptracker.reporting.domain.CaseHoldUps.HoldUp;
import org.ehcptracker.reporting.domain.CaseHoldUps.Reason;
import org.junit.jupiter.api.Test;

/**
 * The worklist's "held up by", worked by hand. Every case: request received Mon 6 Jan 2025, decision to assess
 * Mon 10 Feb 2025 (open, assessing).
 */
class CaseHoldUpsTest {

    private static final LocalDate RECEIVED = LocalDate.of(2025, 1, 6);
    private static final LocalDate DECIDED = LocalDate.of(2025, 2, 10);

    private final Events c = Events.forNewCase("874");

    private List<IntegrationEvent> assessing(IntegrationEvent... more) {
        List<IntegrationEvent> events = new ArrayList<>(List.of(c.requested(RECEIVED),
                c.decided(DECIDED, AssessmentDecision.ASSESS)));
        events.addAll(List.of(more));
        return events;
    }

    /*
     * EP advice asked Tue 11 Feb 2025: due 6 weeks later, Tue 25 Mar 2025. On Sun 6 Apr 2025 it is 12 days late
     * (6 days to 31 Mar, 6 more to 6 Apr). Health advice asked the same day and sent Thu 20 Mar 2025 holds nothing.
     */
    @Test
    void advicePastItsSixWeeksHoldsTheCaseWithItsTypeAndDaysLate() {
        AdviceRequested ep = c.adviceRequested(LocalDate.of(2025, 2, 11), AdviceType.EDUCATIONAL_PSYCHOLOGY, "ep-874");
        AdviceRequested health = c.adviceRequested(LocalDate.of(2025, 2, 11), AdviceType.HEALTH, "nhs-874");
        List<IntegrationEvent> events = assessing(ep, health, c.adviceSubmitted(LocalDate.of(2025, 3, 20), health));

        assertThat(CaseHoldUps.on(LocalDate.of(2025, 4, 6), events)).containsExactly(new HoldUp(
                Reason.ADVICE_OVERDUE, "EDUCATIONAL_PSYCHOLOGY", LocalDate.of(2025, 2, 11), LocalDate.of(2025, 3, 25), 12));
        // on its due day, Tue 25 Mar 2025, it is not late yet
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 3, 25), events)).isEmpty();
        // the same events in reverse order: the same answer
        List<IntegrationEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 4, 6), reversed))
                .isEqualTo(CaseHoldUps.on(LocalDate.of(2025, 4, 6), events));
    }

    /*
     * EP advice asked Tue 11 Feb 2025 (due Tue 25 Mar), sent Mon 24 Mar, returned for rework Wed 26 Mar: open again
     * and late; on Mon 31 Mar 2025, 6 days late. Cancelled on Fri 28 Mar instead of the rework: nothing.
     */
    @Test
    void reworkReopensTheAdviceAndCancellationClosesIt() {
        AdviceRequested ep = c.adviceRequested(LocalDate.of(2025, 2, 11), AdviceType.EDUCATIONAL_PSYCHOLOGY, "ep-874");
        var sent = c.adviceSubmitted(LocalDate.of(2025, 3, 24), ep);
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 3, 31),
                assessing(ep, sent, c.adviceReworked(LocalDate.of(2025, 3, 26), ep))))
                .containsExactly(new HoldUp(Reason.ADVICE_OVERDUE, "EDUCATIONAL_PSYCHOLOGY", LocalDate.of(2025, 2, 11),
                        LocalDate.of(2025, 3, 25), 6));
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 3, 31), assessing(ep, c.adviceCancelled(LocalDate.of(2025, 3, 28), ep))))
                .isEmpty();
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 3, 31), assessing(ep, sent))).isEmpty();
    }

    /* Social care advice asked Tue 11 Feb 2025, due Tue 25 Mar; an exception recorded Mon 17 Mar: on Sun 30 Mar, 5 days late, excused. */
    @Test
    void lateAdviceWithAnExceptionIsShownAsExcused() {
        AdviceRequested sc = c.adviceRequested(LocalDate.of(2025, 2, 11), AdviceType.SOCIAL_CARE, "sc-874");
        var excused = new AdviceExceptionRecorded(UUID.randomUUID(), c.caseId(), "874", LocalDate.of(2025, 3, 17),
                at(LocalDate.of(2025, 3, 17)), AdviceExceptionRecorded.SCHEMA_VERSION, sc.adviceRequestId(),
                AdviceExceptionReason.MISSED_APPOINTMENT);
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 3, 30), assessing(sc, excused))).containsExactly(new HoldUp(
                Reason.ADVICE_EXCEPTION, "SOCIAL_CARE", LocalDate.of(2025, 2, 11), LocalDate.of(2025, 3, 25), 5));
    }

    /*
     * Draft issued Mon 14 Apr 2025: the family's 15 days run to Tue 29 Apr. On Sun 20 Apr they hold the case; on
     * Wed 30 Apr no longer; their response on Tue 22 Apr ends the wait.
     */
    @Test
    void theFamilysFifteenDaysOnTheDraftHoldTheCaseUntilTheyAnswerOrTheDaysEnd() {
        var draft = c.draftPlan(LocalDate.of(2025, 4, 14));
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 4, 20), assessing(draft))).containsExactly(new HoldUp(
                Reason.FAMILY_RESPONSE, null, LocalDate.of(2025, 4, 14), LocalDate.of(2025, 4, 29), 0));
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 4, 29), assessing(draft))).hasSize(1);
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 4, 30), assessing(draft))).isEmpty();
        var response = new ParentResponseReceived(UUID.randomUUID(), c.caseId(), "874", LocalDate.of(2025, 4, 22),
                at(LocalDate.of(2025, 4, 22)), ParentResponseReceived.SCHEMA_VERSION, draft.planId(), null, null);
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 4, 24), assessing(draft, response))).isEmpty();
    }

    /*
     * Setting 139021 consulted Tue 15 Apr 2025: its answer is due Wed 30 Apr (15 days). On Sat 3 May, unanswered,
     * 3 days late (and the family answered on Tue 22 Apr). Answered on Mon 28 Apr: nothing.
     */
    @Test
    void aConsultationUnansweredPastItsFifteenDaysHoldsTheCase() {
        var draft = c.draftPlan(LocalDate.of(2025, 4, 14));
        var response = new ParentResponseReceived(UUID.randomUUID(), c.caseId(), "874", LocalDate.of(2025, 4, 22),
                at(LocalDate.of(2025, 4, 22)), ParentResponseReceived.SCHEMA_VERSION, draft.planId(), "139021", null);
        var consulted = new SettingConsulted(UUID.randomUUID(), c.caseId(), "874", LocalDate.of(2025, 4, 15),
                at(LocalDate.of(2025, 4, 15)), SettingConsulted.SCHEMA_VERSION, draft.planId(), "139021",
                LocalDate.of(2025, 4, 30));
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 5, 3), assessing(draft, response, consulted))).containsExactly(
                new HoldUp(Reason.CONSULTATION_OVERDUE, "139021", LocalDate.of(2025, 4, 15), LocalDate.of(2025, 4, 30), 3));
        var answered = new ConsultationAnswered(UUID.randomUUID(), c.caseId(), "874", LocalDate.of(2025, 4, 28),
                at(LocalDate.of(2025, 4, 28)), ConsultationAnswered.SCHEMA_VERSION, draft.planId(), "139021", true);
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 5, 3), assessing(draft, response, consulted, answered))).isEmpty();
    }

    /*
     * An exception to the 20 weeks from Tue 6 May 2025 with no end: on Sat 10 May it holds the case. Withdrawn as
     * recorded in error: nothing. Its end corrected to Thu 8 May: nothing on the 10th, still there on the 8th.
     */
    @Test
    void anExceptionInForceHoldsTheCase() {
        ExceptionRecorded x = c.exception(LocalDate.of(2025, 5, 6), StatutoryLimit.FINAL_PLAN_20_WEEKS);
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 5, 10), assessing(x))).containsExactly(new HoldUp(
                Reason.EXCEPTION, "EXCEPTIONAL_PERSONAL_CIRCUMSTANCES", LocalDate.of(2025, 5, 6), null, 0));
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 5, 5), assessing(x))).isEmpty();
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 5, 10),
                assessing(x, c.exceptionWithdrawn(LocalDate.of(2025, 5, 9), x)))).isEmpty();
        var corrected = new ExceptionCorrected(UUID.randomUUID(), c.caseId(), "874", LocalDate.of(2025, 5, 9),
                at(LocalDate.of(2025, 5, 9)), ExceptionCorrected.SCHEMA_VERSION, x.exceptionId(), LocalDate.of(2025, 5, 8));
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 5, 10), assessing(x, corrected))).isEmpty();
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 5, 8), assessing(x, corrected))).hasSize(1);
    }

    /* Late EP advice (due Tue 25 Mar 2025) and an exception, listed advice first; a final plan on Mon 19 May closes the case: nothing. */
    @Test
    void holdUpsComeInReasonOrderAndAClosedCaseHasNone() {
        AdviceRequested ep = c.adviceRequested(LocalDate.of(2025, 2, 11), AdviceType.EDUCATIONAL_PSYCHOLOGY, "ep-874");
        ExceptionRecorded x = c.exception(LocalDate.of(2025, 3, 3), StatutoryLimit.FINAL_PLAN_20_WEEKS);
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 4, 6), assessing(x, ep))).extracting(HoldUp::reason)
                .containsExactly(Reason.ADVICE_OVERDUE, Reason.EXCEPTION);
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 5, 20),
                assessing(x, ep, c.finalPlan(LocalDate.of(2025, 5, 19), RECEIVED)))).isEmpty();
        assertThat(CaseHoldUps.on(LocalDate.of(2025, 5, 20), List.of())).isEmpty();
    }

    private static Instant at(LocalDate d) {
        return d.atTime(10, 0).toInstant(ZoneOffset.UTC);
    }
}
