package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** Consult a school or college about being named in the plan (Code 9.83: it should answer within 15 days). */
public record ConsultSetting(UUID caseId, String settingUrn, LocalDate consultedDate) {

    public ConsultSetting {
        Objects.requireNonNull(caseId, "caseId");
    }
}
