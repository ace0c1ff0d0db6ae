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
 */
public record SubmitAdvice(UUID adviceRequestId, LocalDate submittedDate, Actor submittedBy) {
}
