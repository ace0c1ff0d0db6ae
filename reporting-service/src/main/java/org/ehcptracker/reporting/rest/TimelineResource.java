package org.ehcptracker.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import org.ehcptracker.kit.domain.Role;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.rest.CurrentActor;
import org.ehcptracker.reporting.app.CaseTimelines;
import org.ehcptracker.reporting.app.TimelineEntry;

@RolesAllowed(Role.CASEWORKER)
@Path("/api/cases/{caseId}/timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    private final CaseTimelines timelines;
    private final CurrentActor actor;

    public TimelineResource(CaseTimelines timelines, CurrentActor actor) {
        this.timelines = timelines;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "Every event of a case from all three services",
            description = "Ordered by business date, then by when the event was recorded. 'details' is the event "
                    + "minus the fields every event has.")
    @APIResponse(responseCode = "200", description = "The timeline")
    @APIResponse(responseCode = "400", description = "caseId is not a UUID (field caseId)")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker or team manager, or the case is another "
            + "council's")
    @APIResponse(responseCode = "404", description = "No event of this case has been seen")
    public Uni<List<TimelineEntry>> timeline(@PathParam("caseId") String caseId) {
        UUID id;
        try {
            id = UUID.fromString(caseId);
        } catch (IllegalArgumentException e) {
            throw CommandRejected.invalid("caseId", "'" + caseId + "' is not a case id (a UUID)");
        }
        return timelines.of(id, actor.current());
    }
}
