package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.statutory.StatutoryClock;

/**
 * What the API shows of a plan.
 *
 * @param clockStart              day 0 of the 20-week clock: the final plan's requestReceivedDate once issued,
 *                                before that the local view's current clock start
 * @param finalPlanDue            StatutoryClock.finalPlanDue(clockStart): day 140
 * @param parentCommentPeriodEnds StatutoryClock.parentCommentsDue(draft): the last of the family's 15 days; a final
 *                                plan on or before it needs their response recorded
 * @param parentResponse          the family's response, or null
 * @param consultations           the settings consulted, in the order consulted
 * @param heldUpBy                for a draft: what the final plan is waiting for, as of today (empty once final)
 * @param issuedWithin20Weeks     the DfE measure, once the final plan is issued (else null)
 * @param weeksToIssue            days from clock start to final issue / 7, once issued (else null)
 * @param adviceOutstandingAtIssue whether advice was still awaited when the final plan was issued (allowed, flagged);
 *                                null before the final plan, or for a plan issued before the flag was kept
 * @param earlierPlans            the case's plans made before this one (each ceased), oldest first; empty for a
 *                                case's first plan
 * @param assessment              the case's conclusion, exceptions and disputes as plan-service's local view knows
 *                                them (shown, never used to refuse)
 */
public record PlanView(UUID caseId,
                       UUID planId,
                       PlanStatus status,
                       LocalDate clockStart,
                       LocalDate finalPlanDue,
                       LocalDate draftIssuedDate,
                       LocalDate parentCommentPeriodEnds,
                       ParentResponseView parentResponse,
                       List<ConsultationView> consultations,
                       List<HoldUp> heldUpBy,
                       LocalDate finalIssuedDate,
                       String namedSettingUrn,
                       String settingType,
                       Boolean issuedWithin20Weeks,
                       Double weeksToIssue,
                       Boolean adviceOutstandingAtIssue,
                       AdviceSummary advice,
                       List<EarlierPlan> earlierPlans,
                       AssessmentHistory assessment) {

    public enum PlanStatus { DRAFT, FINAL }

    /** What a draft is waiting for before the LA can issue the final plan. */
    public enum HoldUpReason {
        /** the family's 15 days to comment are running and no response is recorded */
        PARENT_RESPONSE,
        /** a consulted setting has not answered (overdue after its 15 days, Code 9.83) */
        CONSULTATION_ANSWER,
        /** nothing awaited from others: the LA's own decision and issue */
        LOCAL_AUTHORITY
    }

    /**
     * @param since       the date the wait began (draft, consultation, or the last thing received)
     * @param days        calendar days waited as of today
     * @param due         when the wait should end (end of the 15 days), null for the LA's own step
     * @param overdue     true when today is after {@code due}
     * @param settingUrn  the setting awaited, for CONSULTATION_ANSWER
     */
    public record HoldUp(HoldUpReason reason, String settingUrn, LocalDate since, long days, LocalDate due,
                         boolean overdue) {
    }

    public record ParentResponseView(LocalDate receivedDate, String requestedSettingUrn, String requestedSettingType,
                                     String comments) {
    }

    /** How a plan ended (plan-service's {@code plan_in_force}, kept from the plan's own stream). */
    public record Cessation(LocalDate ceasedDate, String reason) {
    }

    /** A plan the case had before the current one: made, issued, and (for a new one to be drafted) ceased. */
    public record EarlierPlan(UUID planId, LocalDate draftIssuedDate, LocalDate finalIssuedDate, String namedSettingUrn,
                              String settingType, LocalDate ceasedDate, String ceaseReason) {
    }

    public record ConsultationView(String settingUrn, LocalDate consultedDate, LocalDate answerDue,
                                   LocalDate answeredDate, Boolean canMeetNeeds, boolean overdue) {
    }

    /** The view of an existing plan; empty when no draft has been issued. */
    public static Optional<PlanView> of(PlanState plan, Optional<AssessmentCase> assessmentCase, AdviceSummary advice) {
        return of(plan, assessmentCase, advice, null, null, null);
    }

    /**
     * As {@link #of(PlanState, Optional, AdviceSummary)}, with what plan-service keeps outside the events.
     *
     * @param today          for the hold-ups and overdue answers; null leaves the hold-ups empty
     * @param comments       the family's comments (plan-service's own table), or null
     * @param adviceOutstandingAtIssue the flag kept when the final plan was issued, or null
     */
    public static Optional<PlanView> of(PlanState plan, Optional<AssessmentCase> assessmentCase, AdviceSummary advice,
                                        LocalDate today, String comments, Boolean adviceOutstandingAtIssue) {
        return of(plan, assessmentCase, advice, today, comments, adviceOutstandingAtIssue, Map.of(),
                AssessmentHistory.NONE);
    }

    /**
     * As above, with how the case's earlier plans ended.
     *
     * @param cessations by planId, the cessation of each of the case's plans that ceased
     * @param assessment the case's conclusion, exceptions and disputes (local view)
     */
    public static Optional<PlanView> of(PlanState plan, Optional<AssessmentCase> assessmentCase, AdviceSummary advice,
                                        LocalDate today, String comments, Boolean adviceOutstandingAtIssue,
                                        Map<UUID, Cessation> cessations, AssessmentHistory assessment) {
        List<EarlierPlan> earlier = plan.earlierPlans().stream().map(f -> {
            Cessation ceased = cessations.get(f.planId());
            return new EarlierPlan(f.planId(), f.draft().draftIssuedDate(), f.finalIssuedDate(), f.namedSettingUrn(),
                    f.settingType(), ceased == null ? null : ceased.ceasedDate(), ceased == null ? null : ceased.reason());
        }).toList();
        AdviceSummary adviceOrNone = advice == null ? AdviceSummary.NONE : advice;
        if (plan instanceof PlanState.DraftIssued draft) {
            LocalDate clockStart = assessmentCase.map(AssessmentCase::clockStart).orElse(null);
            return Optional.of(new PlanView(draft.caseId(), draft.planId(), PlanStatus.DRAFT,
                    clockStart,
                    clockStart == null ? null : StatutoryClock.finalPlanDue(clockStart),
                    draft.draftIssuedDate(),
                    StatutoryClock.parentCommentsDue(draft.draftIssuedDate()),
                    response(draft, comments),
                    consultations(draft, today),
                    today == null ? List.of() : heldUpBy(draft, today),
                    null, null, null, null, null, null,
                    adviceOrNone, earlier, assessment == null ? AssessmentHistory.NONE : assessment));
        }
        if (plan instanceof PlanState.FinalIssued fin) {
            // measured against the clock the final plan was issued with, so the figures never change afterwards
            LocalDate clockStart = fin.requestReceivedDate();
            LocalDate drafted = fin.draft().draftIssuedDate();
            return Optional.of(new PlanView(fin.caseId(), fin.planId(), PlanStatus.FINAL,
                    clockStart,
                    StatutoryClock.finalPlanDue(clockStart),
                    drafted,
                    StatutoryClock.parentCommentsDue(drafted),
                    response(fin.draft(), comments),
                    consultations(fin.draft(), today),
                    List.of(),
                    fin.finalIssuedDate(),
                    fin.namedSettingUrn(),
                    fin.settingType(),
                    StatutoryClock.issuedWithin20Weeks(clockStart, fin.finalIssuedDate()),
                    StatutoryClock.weeksToIssue(clockStart, fin.finalIssuedDate()),
                    adviceOutstandingAtIssue,
                    adviceOrNone, earlier, assessment == null ? AssessmentHistory.NONE : assessment));
        }
        return Optional.empty();
    }

    /**
     * What the final plan of a draft waits for on {@code today}: the family (while their 15 days run with no
     * response), each unanswered consultation, or else the LA itself since the last thing that came in.
     */
    public static List<HoldUp> heldUpBy(PlanState.DraftIssued draft, LocalDate today) {
        List<HoldUp> holdUps = new ArrayList<>();
        LocalDate commentsEnd = StatutoryClock.parentCommentsDue(draft.draftIssuedDate());
        if (draft.parentResponse() == null && !today.isAfter(commentsEnd)) {
            holdUps.add(new HoldUp(HoldUpReason.PARENT_RESPONSE, null, draft.draftIssuedDate(),
                    days(draft.draftIssuedDate(), today), commentsEnd, false));
        }
        for (PlanState.Consultation c : draft.consultations().values()) {
            if (!c.answered()) {
                holdUps.add(new HoldUp(HoldUpReason.CONSULTATION_ANSWER, c.settingUrn(), c.consultedDate(),
                        days(c.consultedDate(), today), c.answerDue(), today.isAfter(c.answerDue())));
            }
        }
        if (holdUps.isEmpty()) {
            LocalDate since = lastReceived(draft, commentsEnd);
            holdUps.add(new HoldUp(HoldUpReason.LOCAL_AUTHORITY, null, since, days(since, today), null, false));
        }
        return List.copyOf(holdUps);
    }

    /** The day the LA stopped waiting for others: the later of the family's response (or 15 days) and each answer. */
    private static LocalDate lastReceived(PlanState.DraftIssued draft, LocalDate commentsEnd) {
        LocalDate since = draft.parentResponse() != null ? draft.parentResponse().receivedDate() : commentsEnd;
        for (PlanState.Consultation c : draft.consultations().values()) {
            if (c.answered() && c.answeredDate().isAfter(since)) {
                since = c.answeredDate();
            }
        }
        return since;
    }

    private static long days(LocalDate from, LocalDate to) {
        return Math.max(0, ChronoUnit.DAYS.between(from, to));
    }

    private static ParentResponseView response(PlanState.DraftIssued draft, String comments) {
        PlanState.ParentResponse r = draft.parentResponse();
        return r == null ? null
                : new ParentResponseView(r.receivedDate(), r.requestedSettingUrn(), r.requestedSettingType(), comments);
    }

    private static List<ConsultationView> consultations(PlanState.DraftIssued draft, LocalDate today) {
        return draft.consultations().values().stream()
                .map(c -> new ConsultationView(c.settingUrn(), c.consultedDate(), c.answerDue(), c.answeredDate(),
                        c.canMeetNeeds(), today != null && !c.answered() && today.isAfter(c.answerDue())))
                .toList();
    }
}
