package org.ehcptracker.advice.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.kit.domain.Actor;

/**
 * The agency's advice reached the LA.
 *
 * @param submittedDate the day the advice reached the LA
 * @param submittedBy who records it: the agency itself ({@code agency:<agencyId>}) or LA staff
 *                    recording advice that arrived another way
 * @param summary the advice or a summary of it (may be null); kept by advice-service only, never in an event
 */
public record SubmitAdvice(UUID adviceRequestId, LocalDate submittedDate, Actor submittedBy, String summary) {

    public SubmitAdvice {
        // a blank text is no advice text: kept as none
        summary = summary == null || summary.isBlank() ? null : summary;
    }

    /** Advice recorded without its text. */
    public SubmitAdvice(UUID adviceRequestId, LocalDate submittedDate, Actor submittedBy) {
        this(adviceRequestId, submittedDate, submittedBy, null);
    }
}
