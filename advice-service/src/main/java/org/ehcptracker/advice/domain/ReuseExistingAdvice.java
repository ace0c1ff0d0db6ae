package org.ehcptracker.advice.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceType;

/**
 * Use existing advice instead of asking for it (Reg 6(4)): the LA, the parent or young person and the person who
 * gave the advice must all be satisfied that it is sufficient. The caseworker confirms the two agreements.
 *
 * @param agencyId the agency that gave the existing advice
 * @param adviceDate the date of the existing advice
 * @param familyAgreed the parent or young person agreed; null is treated as not confirmed
 * @param adviserAgreed the person who gave the advice agreed; null is treated as not confirmed
 */
public record ReuseExistingAdvice(UUID caseId, AdviceType adviceType, String agencyId, LocalDate adviceDate,
                                  Boolean familyAgreed, Boolean adviserAgreed) {

    public ReuseExistingAdvice {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(adviceType, "adviceType");
        Objects.requireNonNull(agencyId, "agencyId");
        Objects.requireNonNull(adviceDate, "adviceDate");
    }

    /** The reuse's stream id. */
    public UUID adviceReuseId() {
        return AdviceReuse.idFor(caseId, adviceType);
    }
}
