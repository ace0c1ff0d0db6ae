package org.ehcptracker.plan.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.plan.CriterionScore;
import org.ehcptracker.contracts.plan.QualityGrade;

/** One audit of a plan as the API shows it; {@code notes} null when none were written or they were erased. */
public record QualityAuditView(UUID auditId, UUID planId, LocalDate auditDate, Instant recordedAt, QualityGrade grade,
                               int score, List<CriterionScore> criteria, String notes) {
}
