package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.clock.StatutoryClock;
import org.ehcptracker.contracts.plan.DraftPlanIssued;
import org.ehcptracker.contracts.plan.FinalPlanIssued;

/**
 * What the API shows of a plan.
 *
 * @param clockStart              day 0 of the 20-week clock: the final plan's requestReceivedDate once issued,
 *                                before that the local view's current clock start
 * @param finalPlanDue            StatutoryClock.finalPlanDue(clockStart): day 140
 * @param parentCommentPeriodEnds StatutoryClock.parentCommentsDue(draft): reported, not enforced
 * @param issuedWithin20Weeks     the DfE measure, once the final plan is issued (else null)
 * @param weeksToIssue            days from clock start to final issue / 7, once issued (else null)
 */
public record PlanView(UUID caseId,
                       UUID planId,
                       PlanStatus status,
                       LocalDate clockStart,
                       LocalDate finalPlanDue,
                       LocalDate draftIssuedDate,
                       LocalDate parentCommentPeriodEnds,
                       LocalDate finalIssuedDate,
                       String namedSettingUrn,
                       String settingType,
                       Boolean issuedWithin20Weeks,
                       Double weeksToIssue,
                       AdviceSummary advice) {

    public enum PlanStatus { DRAFT, FINAL }

    /** The view of an existing plan; empty when no draft has been issued. */
    public static Optional<PlanView> of(EhcPlan plan, Optional<AssessmentCase> assessmentCase, AdviceSummary advice) {
        if (!plan.exists()) {
            return Optional.empty();
        }
        DraftPlanIssued draft = plan.draft().orElseThrow();
        FinalPlanIssued fin = plan.finalPlan().orElse(null);
        LocalDate clockStart = fin != null ? fin.requestReceivedDate()
                : assessmentCase.map(AssessmentCase::clockStart).orElse(null);
        return Optional.of(new PlanView(
                plan.caseId(),
                plan.planId().orElseThrow(),
                fin != null ? PlanStatus.FINAL : PlanStatus.DRAFT,
                clockStart,
                clockStart == null ? null : StatutoryClock.finalPlanDue(clockStart),
                draft.businessDate(),
                StatutoryClock.parentCommentsDue(draft.businessDate()),
                fin == null ? null : fin.businessDate(),
                fin == null ? null : fin.namedSettingUrn(),
                fin == null ? null : fin.settingType(),
                fin == null ? null : StatutoryClock.issuedWithin20Weeks(clockStart, fin.businessDate()),
                fin == null ? null : StatutoryClock.weeksToIssue(clockStart, fin.businessDate()),
                advice == null ? AdviceSummary.NONE : advice));
    }
}
