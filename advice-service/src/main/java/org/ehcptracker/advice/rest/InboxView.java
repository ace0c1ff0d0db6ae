package org.ehcptracker.advice.rest;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.ehcptracker.advice.app.AgencyInbox;

/** One page of an agency's inbox. */
public record InboxView(
        String agencyId,
        @Schema(description = "the day (Europe/London) daysLeft, daysLate and the filters are judged on")
        LocalDate asOf,
        String status,
        int page,
        int size,
        @Schema(description = "how many requests match in all (every page)")
        long total,
        @Schema(description = "pass as since= on the next poll to get only what changed after this answer")
        String cursor,
        List<AdviceRequestView> items) {

    static InboxView of(String agencyId, String status, int page, int size, AgencyInbox.Page p) {
        return new InboxView(agencyId, p.asOf(), status, page, size, p.total(), Long.toString(p.cursor()),
                p.items().stream().map(i -> AdviceRequestView.of(i.dated())).toList());
    }
}
