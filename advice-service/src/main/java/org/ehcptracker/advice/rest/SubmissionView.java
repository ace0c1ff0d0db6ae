package org.ehcptracker.advice.rest;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.advice.app.SubmittedAdvice;

/** The advice an agency submitted, as kept by advice-service (the summary is never published). */
public record SubmissionView(UUID adviceRequestId, LocalDate submittedDate, String submittedBy, String summary) {

    static SubmissionView of(SubmittedAdvice s) {
        return new SubmissionView(s.adviceRequestId(), s.submittedDate(), s.submittedBy(), s.summary());
    }
}
