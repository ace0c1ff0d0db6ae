package org.ehcptracker.assessment.domain;

import java.util.UUID;

/** A recorded exception was recorded in error: it no longer applies (its record stays in the history). */
public record WithdrawException(UUID caseId, UUID exceptionId) {
}
