package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.statutory.StatutoryClock;

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
    public static Optional<PlanView> of(PlanState plan, Optional<AssessmentCase> assessmentCase, AdviceSummary advice) {
        AdviceSummary adviceOrNone = advice == null ? AdviceSummary.NONE : advice;
        if (plan instanceof PlanState.DraftIssued draft) {
            LocalDate clockStart = assessmentCase.map(AssessmentCase::clockStart).orElse(null);
            return Optional.of(new PlanView(draft.caseId(), draft.planId(), PlanStatus.DRAFT,
                    clockStart,
                    clockStart == null ? null : StatutoryClock.finalPlanDue(clockStart),
                    draft.draftIssuedDate(),
                    StatutoryClock.parentCommentsDue(draft.draftIssuedDate()),
                    null, null, null, null, null,
                    adviceOrNone));
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
                    fin.finalIssuedDate(),
                    fin.namedSettingUrn(),
                    fin.settingType(),
                    StatutoryClock.issuedWithin20Weeks(clockStart, fin.finalIssuedDate()),
                    StatutoryClock.weeksToIssue(clockStart, fin.finalIssuedDate()),
                    adviceOrNone));
        }
        return Optional.empty();
    }
}
