package org.ehcptracker.assessment.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.assessment.domain.CaseState;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.StatutoryLimit;

/** One exception to a statutory limit; {@code note} appears only in the exceptions list, while held. */
@Schema(name = "CaseException")
public record ExceptionView(UUID exceptionId, StatutoryLimit limit, ExceptionReason reason, LocalDate startDate,
        LocalDate endDate, @Schema(description = "the day it was recorded") LocalDate recordedDate,
        @Schema(description = "withdrawn as recorded in error: it counts for nothing") boolean withdrawn,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

    static ExceptionView of(CaseState.CaseException x, Map<UUID, String> notes) {
        return new ExceptionView(x.exceptionId(), x.limit(), x.reason(), x.startDate(), x.endDate(), x.recordedDate(),
                x.withdrawn(), notes.get(x.exceptionId()));
    }
}
