package org.ehcptracker.assessment.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.assessment.app.CaseAudit;

/** One line of a case's audit: who ({@code role:subject}), when, what. */
public record AuditEntryView(
        @Schema(description = "when it was recorded") Instant at,
        @Schema(description = "the actor as role:subject (the token's subject, never a name)", example = "caseworker:3f2c9a")
        String actor,
        @Schema(description = "EVENT, ASSIGNMENT, PERSONAL_DATA_READ or PERSONAL_DETAILS_CHANGED") CaseAudit.Kind kind,
        @Schema(description = "the event type; 'assigned <caseworker>' or 'unassigned'; for a read, the fields shown",
                example = "childName,childDateOfBirth") String action) {

    static AuditEntryView of(CaseAudit.Entry e) {
        return new AuditEntryView(e.at(), e.actor(), e.kind(), e.action());
    }
}
