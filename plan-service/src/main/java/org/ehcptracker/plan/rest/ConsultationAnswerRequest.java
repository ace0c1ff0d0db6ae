package org.ehcptracker.plan.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.kit.rest.NotBefore;
import org.ehcptracker.plan.domain.RecordConsultationAnswer;

/** Body of {@code POST /api/cases/{caseId}/consultations/{settingUrn}/answer}. */
@Schema(name = "ConsultationAnswer", description = "A consulted setting's answer")
public record ConsultationAnswerRequest(
        @NotBefore(NotBefore.EHCP_REGIME) @NotNull
        @Schema(description = "the date the answer reached the LA: not before the consultation, not in the future",
                example = "2025-07-04")
        LocalDate answeredDate,
        @NotNull @Schema(description = "whether the setting says it can meet the child's needs")
        Boolean canMeetNeeds) {

    RecordConsultationAnswer toCommand(UUID caseId, String settingUrn) {
        return new RecordConsultationAnswer(caseId, settingUrn, answeredDate, canMeetNeeds);
    }
}
