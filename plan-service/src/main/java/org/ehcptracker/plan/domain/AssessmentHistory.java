package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeOutcome;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.StatutoryLimit;

/**
 * What plan-service knows of a case's assessment beyond its status (tables {@code assessment_case},
 * {@code case_exception}, {@code case_dispute}, fed from assessment-service's events): shown with the plan so a
 * caseworker sees why its 20 weeks may not count, never used to refuse a plan command.
 *
 * @param concludedDate          the day the assessment concluded, or null
 * @param outcome                ISSUE_PLAN or NO_PLAN, or null before the conclusion
 * @param exceptions             every exception recorded, withdrawn ones included (flagged), in the order recorded
 * @param disputes               every mediation or tribunal appeal, in the order registered
 * @param finalPlanExceptionApplies whether an exception (not withdrawn) applies to the final plan's limit (20 weeks,
 *                               or 14 for a re-assessment): SEN2's "exceptions apply"
 * @param wentToMediationOrTribunal whether any dispute was registered (reporting decides, by its stage and date,
 *                               whether it leaves the 20-week measure)
 */
public record AssessmentHistory(LocalDate concludedDate, AssessmentOutcome outcome, List<LimitException> exceptions,
                                List<Dispute> disputes, boolean finalPlanExceptionApplies,
                                boolean wentToMediationOrTribunal) {

    public static final AssessmentHistory NONE = of(null, null, List.of(), List.of());

    /** One exception to a statutory limit, as recorded, corrected or withdrawn. */
    public record LimitException(UUID exceptionId, StatutoryLimit limit, ExceptionReason reason, LocalDate recordedDate,
                                 LocalDate startDate, LocalDate endDate, boolean withdrawn) {
    }

    /** One mediation or tribunal appeal; outcome and resolvedDate null while open. */
    public record Dispute(UUID disputeId, DisputeKind kind, DisputeStage stage, LocalDate registeredDate,
                          DisputeOutcome outcome, LocalDate resolvedDate) {
    }

    public static AssessmentHistory of(LocalDate concludedDate, AssessmentOutcome outcome,
                                       List<LimitException> exceptions, List<Dispute> disputes) {
        boolean finalPlanException = exceptions.stream().anyMatch(e -> !e.withdrawn()
                && (e.limit() == StatutoryLimit.FINAL_PLAN_20_WEEKS
                        || e.limit() == StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT));
        return new AssessmentHistory(concludedDate, outcome, List.copyOf(exceptions), List.copyOf(disputes),
                finalPlanException, !disputes.isEmpty());
    }
}
