package org.ehcptracker.contracts.plan;

import java.util.Objects;

/**
 * One criterion's score in a plan quality audit.
 *
 * @param criterion the criterion's code as the council configures it (capitals, digits, {@code _}; never free text),
 *                  e.g. {@code SMART_OUTCOMES}
 * @param score     the auditor's score, within the criterion's configured range (1-10 by default)
 */
public record CriterionScore(String criterion, int score) {

    public CriterionScore {
        Objects.requireNonNull(criterion, "criterion");
        if (!criterion.matches("[A-Z0-9_]{1,40}")) {
            throw new IllegalArgumentException("criterion must be a code (1-40 capitals, digits or _): " + criterion);
        }
    }
}
