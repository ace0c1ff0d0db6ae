package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * The family's response to the draft plan (Reg 13(1)): the date it reached the LA, the setting they ask
 * for (a specific one by URN/UKPRN, or a type of setting, or none) and their comments, which stay in
 * plan-service (never published).
 */
public record RecordParentResponse(UUID caseId, LocalDate receivedDate, String requestedSettingUrn,
                                   String requestedSettingType, String comments) {

    public RecordParentResponse {
        Objects.requireNonNull(caseId, "caseId");
    }
}
