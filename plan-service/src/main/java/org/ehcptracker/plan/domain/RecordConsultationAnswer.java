package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** A consulted setting's answer: whether it says it can meet the child's needs. */
public record RecordConsultationAnswer(UUID caseId, String settingUrn, LocalDate answeredDate, Boolean canMeetNeeds) {

    public RecordConsultationAnswer {
        Objects.requireNonNull(caseId, "caseId");
    }
}
