package org.ehcptracker.plan.rest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.contracts.plan.QualityGrade;
import org.ehcptracker.kit.rest.NotBefore;
import org.ehcptracker.plan.domain.AuditPlanQuality;
import org.ehcptracker.plan.domain.PlanDecider;

/** Body of {@code POST /api/plans/{planId}/quality-audits}. */
@Schema(name = "QualityAudit", description = "A team manager's quality audit of a plan in force")
public record QualityAuditRequest(
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "not before the plan's issue, not in the future", example = "2026-10-14")
        LocalDate auditDate,
        @NotEmpty
        @Schema(required = true, description = "each criterion's score by its code (GET /api/plans/{planId}/quality-audits lists the"
                + " codes of past audits; docs/plan-service.md the configured ones and their ranges)",
                example = "{\"CHILD_VIEWS_AND_ASPIRATIONS\": 8, \"SMART_OUTCOMES\": 7}")
        Map<String, Integer> scores,
        @Schema(description = "leave out to take the grade of the score's band; else that grade or a lower one")
        QualityGrade grade,
        @Size(max = PlanDecider.MAX_TEXT)
        @Schema(description = "the auditor's notes: kept only in plan-service, never published, erased with the"
                + " child's personal details; no control characters but tabs and line breaks")
        String notes) {

    AuditPlanQuality toCommand(UUID planId) {
        return new AuditPlanQuality(planId, auditDate, scores, grade, notes);
    }
}
