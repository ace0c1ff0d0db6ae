package org.ehcptracker.plan.domain;

import java.util.Objects;
import java.time.LocalDate;
import java.util.UUID;

/** Serve the draft plan on the parent or young person (their 15 days to comment start, Reg 13(1)). */
public record IssueDraftPlan(UUID caseId, LocalDate issuedDate) {

    public IssueDraftPlan {
        Objects.requireNonNull(caseId, "caseId");
    }
}
