package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Issue the final EHC plan (Reg 13(2)), naming either a specific setting or a type of setting.
 *
 * @param namedSettingUrn URN/UKPRN of the named school or college, or null when a type is named
 * @param settingType     SEN2 setting type code, or null when a specific setting is named
 */
public record IssueFinalPlan(UUID caseId, LocalDate issuedDate, String namedSettingUrn, String settingType) {

    public IssueFinalPlan {
        Objects.requireNonNull(caseId, "caseId");
    }
}
