package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.plan.CeaseReason;

/** The LA ceases to maintain the plan, for a reason given as a code. */
public record CeasePlan(UUID planId, LocalDate ceasedDate, CeaseReason reason) {

    public CeasePlan {
        Objects.requireNonNull(planId, "planId");
    }
}
