package org.ehcptracker.advice.rest;

import jakarta.annotation.security.RolesAllowed;
import org.ehcptracker.kit.domain.Role;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.advice.app.AgencyPerformance;
import org.ehcptracker.kit.rest.CurrentActor;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Agency performance per council, agency and advice type. See docs/advice-service.md. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "agency performance")
public class AgencyPerformanceResource {

    private final AgencyPerformance performance;
    private final CurrentActor actor;

    public AgencyPerformanceResource(AgencyPerformance performance, CurrentActor actor) {
        this.performance = performance;
        this.actor = actor;
    }

    @RolesAllowed({Role.CASEWORKER, Role.BOARD, Role.AGENCY})
    @GET
    @Path("/councils/{localAuthorityCode}/advice-performance")
    @Operation(summary = "Per agency and advice type: requests, returned within 6 weeks (first submission),"
            + " average days to the final submission, open and overdue now",
            description = "Cancelled requests count nowhere. Council staff and board members of the council;"
                    + " an agency user sees only its own agency's lines.")
    @APIResponse(responseCode = "200", description = "the figures (no lines for a council without requests)")
    @APIResponse(responseCode = "400", description = "a council code that is not three digits")
    @APIResponse(responseCode = "403", description = "a role that may not call this, a council you do not act for,"
            + " or (field agencyId) an agency user asking for another agency's figures")
    public Uni<AgencyPerformance.Figures> ofCouncil(@RestPath String localAuthorityCode,
                                                    @Parameter(description = "one agency only", example = "839-EPS")
                                                    @RestQuery String agencyId) {
        AgencyResource.requireCouncilCode(localAuthorityCode);
        return performance.of(actor.current(), localAuthorityCode, agencyId);
    }
}
