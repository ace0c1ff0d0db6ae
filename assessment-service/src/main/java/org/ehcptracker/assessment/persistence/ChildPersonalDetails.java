package org.ehcptracker.assessment.persistence;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A child's personal details as held in {@code child_personal_details}; each value may be absent
 * (never given, or erased).
 *
 * @param erasedAt when they were erased; null while held
 */
public record ChildPersonalDetails(String childName, LocalDate dateOfBirth, Instant erasedAt) {

    public static final ChildPersonalDetails NONE = new ChildPersonalDetails(null, null, null);

    public boolean isEmpty() {
        return childName == null && dateOfBirth == null;
    }
}
