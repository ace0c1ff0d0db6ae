package org.ehcptracker.assessment.domain;

import java.time.LocalDate;

/**
 * A child's name and date of birth as given with a request: personal data. The decider reads them only
 * to check the date of birth; they never go into an event (so never into the event store or onto
 * Kafka) and are kept only in this service's own erasable table. Either may be absent.
 *
 * @param childName   stripped; blank counts as absent
 */
public record ChildPersonalDetails(String childName, LocalDate dateOfBirth, Sen2Person sen2) {

    public static final ChildPersonalDetails NONE = new ChildPersonalDetails(null, null);

    public ChildPersonalDetails {
        childName = childName == null || childName.isBlank() ? null : childName.strip();
        sen2 = sen2 == null ? Sen2Person.NONE : sen2;
    }

    /** Name and date of birth only, none of SEN2's other person details. */
    public ChildPersonalDetails(String childName, LocalDate dateOfBirth) {
        this(childName, dateOfBirth, Sen2Person.NONE);
    }

    /** Nothing given (or nothing held any more). */
    public boolean isEmpty() {
        return childName == null && dateOfBirth == null && sen2.isEmpty();
    }

    /** Says what is held, never the values: a command or a state printed in a log must not leak them. */
    @Override
    public String toString() {
        return "ChildPersonalDetails[" + (childName == null ? "no name" : "name") + ", "
                + (dateOfBirth == null ? "no date of birth" : "date of birth") + ", " + sen2 + "]";
    }
}
