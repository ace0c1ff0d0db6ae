package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ehcptracker.contracts.plan.CriterionScore;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.contracts.plan.PlanQualityAudited;
import org.ehcptracker.contracts.plan.QualityGrade;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;

/**
 * Decides a plan quality audit on the plan's own stream ({@link PlanLife}), against the plan as
 * {@code plan_in_force} keeps it and the configured {@link QualityCriteria}.
 *
 * <p>Rules: a plan in force (not ceased); the audit dated on or after the plan's issue and not in the future; each
 * required criterion scored within its range; the grade, when given, the band's or a lower one (an auditor may
 * limit the grade, e.g. for a missing thread from needs to provision, but never raise it above what the scores
 * earn); any number of audits, each kept.
 */
public final class QualityAuditDecider {

    private QualityAuditDecider() {
    }

    public static List<PlanEvent> decide(AuditPlanQuality c, PlanLife life, Optional<PlanInForce> plan,
                                         QualityCriteria criteria, DecisionContext ctx) {
        LocalDate audited = c.auditDate();
        if (audited == null) {
            throw CommandRejected.invalid("auditDate", "auditDate is required, as yyyy-mm-dd");
        }
        PlanDecider.requireText(c.notes(), "notes");
        PlanInForce p = plan.orElseThrow(() -> CommandRejected.notFound("no plan in force " + c.planId()
                + ": no final plan was issued with that id"));
        if (life instanceof PlanLife.Ceased done) {
            throw CommandRejected.unprocessable("planId", "plan " + c.planId() + " ceased on " + done.ceasedDate()
                    + ": only a plan in force is audited");
        }
        if (audited.isBefore(p.issuedDate())) {
            throw CommandRejected.unprocessable("auditDate", "auditDate " + audited + " is before the plan was issued ("
                    + p.issuedDate() + ")");
        }
        if (audited.isAfter(ctx.today())) {
            throw CommandRejected.unprocessable("auditDate", "auditDate " + audited + " is in the future (today is "
                    + ctx.today() + ")");
        }
        List<CriterionScore> scores = criteria.check(c.scores());
        int overall = criteria.overall(scores);
        QualityGrade band = criteria.gradeOf(overall);
        QualityGrade grade = c.grade() == null ? band : c.grade();
        if (grade.ordinal() < band.ordinal()) {
            throw CommandRejected.unprocessable("grade", "grade " + grade + " is above what the scores earn: "
                    + overall + " is " + band + "; give " + band + " or a lower grade, or leave grade out");
        }
        return List.of(new PlanQualityAudited(ctx.nextEventId(), p.caseId(), p.localAuthorityCode(), audited,
                ctx.now(), PlanQualityAudited.SCHEMA_VERSION, p.planId(), grade, overall, scores));
    }
}
