package org.ehcptracker.contracts.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.EventPreconditions;

/**
 * A plan in force was quality-audited (by a team manager). Re-audits are further events on the plan's stream; the
 * latest holds. The auditor's notes stay in plan-service ({@code plan_quality_audit}): only codes and numbers here.
 *
 * @param businessDate the date of the audit
 * @param planId the plan audited
 * @param grade the audit grade: the grade of {@code score}'s band, or a lower one the auditor gave
 * @param score the overall weighted score, 0-100 (the weighted mean of the criteria's scores, each scaled to 0-100)
 * @param criteria each criterion scored, in the configured order (at least one)
 */
public record PlanQualityAudited(UUID eventId,
        UUID caseId,
        String localAuthorityCode,
        LocalDate businessDate,
        Instant occurredAt,
        int schemaVersion,
        UUID planId,
        QualityGrade grade,
        int score,
        List<CriterionScore> criteria) implements PlanEvent {

    /** The schema version of {@code PlanQualityAudited} this code writes; older JSON is upcast to it on reading (EventUpcasters). */
    public static final int SCHEMA_VERSION = 1;

    public PlanQualityAudited {
        EventPreconditions.requireCommonFields(eventId, caseId, localAuthorityCode, businessDate, occurredAt, schemaVersion);
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(criteria, "criteria");
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0-100: " + score);
        }
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("criteria must not be empty");
        }
        criteria = List.copyOf(criteria);
    }
}
