package org.ehcptracker.assessment.domain;

import java.time.LocalDate;

/**
 * A child's name and date of birth as given with a request: personal data. The decider reads them only
 * to check the date of birth; they never go into an event (so never into the event store or onto
 * Kafka) and are kept only in this service's own erasable table. Either may be absent.
 *
 * @param childName   stripped; blank counts as absent
 */
public record ChildPersonalDetails(String childName, LocalDate dateOfBirth) {

    public static final ChildPersonalDetails NONE = new ChildPersonalDetails(null, null);

    public ChildPersonalDetails {
        childName = childName == null || childName.isBlank() ? null : childName.strip();
    }

    /** Nothing given (or nothing held any more). */
    public boolean isEmpty() {
        return childName == null && dateOfBirth == null;
    }

    /** Says what is held, never the values: a command or a state printed in a log must not leak them. */
    @Override
    public String toString() {
        return "ChildPersonalDetails[" + (childName == null ? "no name" : "name") + ", "
                + (dateOfBirth == null ? "no date of birth" : "date of birth") + "]";
    }
}
