package org.ehcptracker.assessment.domain;

import java.util.UUID;

/**
 * The council erases the child's personal details (a right-to-erasure request): here the name, date of birth and
 * notes; every other service's free text about the case through the published {@code PersonalDetailsErased}.
 */
public record ErasePersonalDetails(UUID caseId) {
}
