package org.ehcptracker.plan.domain;

import java.util.List;
import java.util.UUID;

/** A plan's audits, oldest first; {@code latest} is the one that holds (the last by audit date, then recording). */
public record QualityAuditsView(UUID planId, String localAuthorityCode, QualityAuditView latest,
                                List<QualityAuditView> audits) {
}
