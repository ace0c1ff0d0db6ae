package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.ehcptracker.contracts.assessment.RequestKind;

/**
 * What a case waits for next, and by when: the caseworker's worklist rule (docs/assessment-service.md, "Worklist").
 *
 * <ul>
 *   <li>{@code REQUESTED}: the decision whether to assess, due clock start + 6 weeks (Reg 5);</li>
 *   <li>{@code ASSESSING}: the conclusion of the assessment, due clock start + 16 weeks: after that day a
 *       decision not to issue a plan is late (Reg 10);</li>
 *   <li>{@code CONCLUDED_ISSUE_PLAN}: the final plan, due clock start + 20 weeks (140 days, Reg 13(2));</li>
 *   <li>{@code REFUSED}, {@code WITHDRAWN}, {@code CONCLUDED_NO_PLAN}: nothing ({@link #NONE}); the case is closed here.</li>
 *   <li>a re-assessment ({@code RequestKind.REASSESSMENT}, Reg 27) in {@code REQUESTED}, {@code ASSESSING} or
 *       {@code CONCLUDED_ISSUE_PLAN}: the final plan, due clock start + 14 weeks (98 days); it has no 6- or 16-week
 *       limit (DOMAIN.md lists only the 14 weeks), so the one date it works to is shown from the start;</li>
 *   <li>whatever the status, once the final plan was issued (plan-service's {@code FinalPlanIssued}): nothing
 *       ({@link #NONE}); the assessment is over.</li>
 * </ul>
 *
 * <p>The clock start is the day the request was received, or the day this council became responsible after a
 * transfer in ({@code ResponsibilityTransferredIn}): the clock restarts there. Exceptions move no date: an open
 * exception on the step's limit marks the step {@link #exceptionApplies()} and the due date stays the statutory
 * one, because the regulations suspend nothing; they only excuse lateness.
 *
 * @param step              null when nothing statutory is due ({@link #NONE})
 * @param due               null when {@code step} is null
 * @param exceptionApplies  an exception recorded on the step's limit is open
 */
public record NextStatutoryStep(StatutoryStep step, LocalDate due, boolean exceptionApplies) {

    /** Nothing due: the case is closed in this service. */
    public static final NextStatutoryStep NONE = new NextStatutoryStep(null, null, false);

    public NextStatutoryStep {
        if ((step == null) != (due == null)) {
            throw new IllegalArgumentException("a step has a due date and only a step has one");
        }
        if (step == null && exceptionApplies) {
            throw new IllegalArgumentException("an exception applies only to a step");
        }
    }

    /** The step after a case's status, due from its clock start. */
    public static NextStatutoryStep after(CaseStatus status, LocalDate clockStart) {
        return after(status, clockStart, 0);
    }

    /**
     * The step after a case's status, due from its clock start.
     *
     * @param openExceptionsOnStepLimit how many exceptions on the step's limit are open (no end date recorded)
     */
    public static NextStatutoryStep after(CaseStatus status, LocalDate clockStart, int openExceptionsOnStepLimit) {
        return after(status, clockStart, null, openExceptionsOnStepLimit);
    }

    /**
     * The step after a case's status, due from its clock start; none once the final plan was issued.
     *
     * @param finalPlanIssued           the day plan-service issued the final plan; null while not issued
     * @param openExceptionsOnStepLimit how many exceptions on the step's limit are open (no end date recorded)
     */
    public static NextStatutoryStep after(CaseStatus status, LocalDate clockStart, LocalDate finalPlanIssued,
                                          int openExceptionsOnStepLimit) {
        return after(RequestKind.INITIAL, status, clockStart, finalPlanIssued, openExceptionsOnStepLimit);
    }

    /**
     * The step after a case's status for its kind of request, due from its clock start; none once the final plan
     * was issued.
     *
     * @param finalPlanIssued           the day plan-service issued the final plan; null while not issued
     * @param openExceptionsOnStepLimit how many exceptions on the step's limit are open (no end date recorded)
     */
    public static NextStatutoryStep after(RequestKind kind, CaseStatus status, LocalDate clockStart,
                                          LocalDate finalPlanIssued, int openExceptionsOnStepLimit) {
        StatutoryStep step = finalPlanIssued != null ? null
                : stepAfter(Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(status, "status"));
        if (step == null) {
            return NONE;
        }
        return new NextStatutoryStep(step, step.dueFrom(Objects.requireNonNull(clockStart, "clockStart")),
                openExceptionsOnStepLimit > 0);
    }

    /** The step a case of this kind in {@code status} waits for; null when it waits for none. */
    public static StatutoryStep stepAfter(RequestKind kind, CaseStatus status) {
        if (kind == RequestKind.REASSESSMENT) {
            return switch (status) {
                case REQUESTED, ASSESSING, CONCLUDED_ISSUE_PLAN -> StatutoryStep.FINAL_PLAN_14_WEEKS_REASSESSMENT;
                case REFUSED, WITHDRAWN, CONCLUDED_NO_PLAN -> null;
            };
        }
        return stepAfter(status);
    }

    /** The step an initial request in {@code status} waits for; null when it waits for none. */
    public static StatutoryStep stepAfter(CaseStatus status) {
        return switch (status) {
            case REQUESTED -> StatutoryStep.DECISION_6_WEEKS;
            case ASSESSING -> StatutoryStep.NO_PLAN_DECISION_16_WEEKS;
            case CONCLUDED_ISSUE_PLAN -> StatutoryStep.FINAL_PLAN_20_WEEKS;
            case REFUSED, WITHDRAWN, CONCLUDED_NO_PLAN -> null;
        };
    }

    /** Days from {@code today} to the due date: 0 on the day itself, negative when late; null without a step. */
    public Long daysLeft(LocalDate today) {
        return due == null ? null : ChronoUnit.DAYS.between(today, due);
    }

    /** Due before {@code today}. */
    public boolean overdue(LocalDate today) {
        return due != null && due.isBefore(today);
    }
}
