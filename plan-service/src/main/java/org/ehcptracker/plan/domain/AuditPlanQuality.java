package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.plan.QualityGrade;

/**
 * A team manager audits the quality of a plan in force.
 *
 * @param scores each criterion's score by its code
 * @param grade  null to take the grade of the score's band; else that grade or a lower one
 * @param notes  the auditor's notes, kept only in plan-service (may be null)
 */
public record AuditPlanQuality(UUID planId, LocalDate auditDate, Map<String, Integer> scores, QualityGrade grade,
                               String notes) {

    public AuditPlanQuality {
        Objects.requireNonNull(planId, "planId");
    }
}
