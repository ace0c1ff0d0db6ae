package org.ehcptracker.reporting.sen2;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ehcptracker.kit.domain.Role;
import org.ehcptracker.kit.rest.CurrentActor;

/** A council's pseudonymous SEN2 modules for a census date (docs/sen2.md), for assessment-service's return file. */
@RolesAllowed(Role.CASEWORKER)
@Path("/api/local-authorities/{la}/sen2")
public class Sen2Resource {

    private static final String PROBLEM = "application/problem+json";

    private final Sen2Returns returns;
    private final CurrentActor actor;

    public Sen2Resource(Sen2Returns returns, CurrentActor actor) {
        this.returns = returns;
        this.actor = actor;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The council's SEN2 modules (requests, assessments, named plans, active plans) for a census date",
            description = "Per case id, pseudonymous: SEN2 modules 2-5 as the events dated on or before the census date "
                    + "leave each case the council is responsible for on that day and that belongs to the collection "
                    + "(docs/sen2.md). A council with no cases answers an empty list. No personal details: "
                    + "assessment-service's sen2-return joins them.")
    @APIResponse(responseCode = "200", description = "The modules",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Sen2Return.class)))
    @APIResponse(responseCode = "400", description = "the problem's 'field' names the parameter: la (not three digits), "
            + "censusDate (missing, not yyyy-mm-dd, not the third Thursday of January, or in the future)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "no valid bearer token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "not council staff (caseworker, team manager), or not acting for "
            + "council la", content = @Content(mediaType = PROBLEM))
    public Uni<Sen2Return> sen2(
            @Parameter(description = "DfE three-digit LA code", example = "839") @PathParam("la") String la,
            @Parameter(description = "the census date: the third Thursday of January, yyyy-mm-dd", example = "2026-01-15")
            @QueryParam("censusDate") String censusDate) {
        return returns.of(actor.current(), la, censusDate);
    }
}
