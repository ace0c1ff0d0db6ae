package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.plan.SenNeedType;
import org.ehcptracker.contracts.plan.SenNeedsRecorded;

/** The SEN needs that hold for a plan (the latest recording): the child's needs as the plan describes them, the primary first. */
public record SenNeedsView(UUID planId, LocalDate effectiveDate, List<SenNeedType> needs) {

    public static SenNeedsView of(SenNeedsRecorded e) {
        return new SenNeedsView(e.planId(), e.businessDate(), e.needs());
    }
}
