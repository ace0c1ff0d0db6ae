package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.plan.SenNeedType;

/**
 * Record the child's SEN needs as the plan (section B) describes them from {@code effectiveDate}: the primary need
 * first. Replaces what was recorded before from that date on.
 */
public record RecordSenNeeds(UUID planId, LocalDate effectiveDate, List<SenNeedType> needs) {

    public RecordSenNeeds {
        Objects.requireNonNull(planId, "planId");
    }
}
