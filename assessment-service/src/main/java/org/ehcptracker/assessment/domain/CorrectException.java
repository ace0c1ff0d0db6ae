package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import java.util.UUID;

/** Sets or changes the end date of a recorded exception (the circumstance ended, or the first end date was wrong). */
public record CorrectException(UUID caseId, UUID exceptionId, LocalDate endDate) {
}
