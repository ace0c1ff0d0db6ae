package org.ehcptracker.advice.app;

import java.time.LocalDate;
import java.util.UUID;

/** The advice an agency submitted, as kept by advice-service (the summary is never published). */
public record SubmittedAdvice(UUID adviceRequestId, LocalDate submittedDate, String submittedBy, String summary) {
}
