package org.ehcptracker.advice.rest;

import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.advice.app.ReusedAdvice;
import org.ehcptracker.contracts.advice.AdviceType;

/** Existing advice used instead of a new request (Reg 6(4)), as council staff read it. */
public record AdviceReuseView(UUID adviceReuseId, UUID caseId, String localAuthorityCode, AdviceType adviceType,
                              String agencyId, LocalDate adviceDate, LocalDate recordedDate, String recordedBy, String note) {

    static AdviceReuseView of(ReusedAdvice r) {
        return new AdviceReuseView(r.adviceReuseId(), r.caseId(), r.localAuthorityCode(), r.adviceType(), r.agencyId(),
                r.adviceDate(), r.recordedDate(), r.recordedBy(), r.note());
    }
}
