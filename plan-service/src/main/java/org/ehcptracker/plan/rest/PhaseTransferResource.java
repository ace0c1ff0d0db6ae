package org.ehcptracker.plan.rest;

import jakarta.annotation.security.RolesAllowed;
import org.ehcptracker.kit.domain.Role;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.kit.rest.CurrentActor;
import org.ehcptracker.plan.app.PlanWorklists;
import org.jboss.resteasy.reactive.RestQuery;

/** Phase transfers (Reg 18) of one council and year: due, done, late. */
@RolesAllowed({Role.CASEWORKER, Role.BOARD})
@Path("/api/phase-transfers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plan worklists")
public class PhaseTransferResource {

    private final PlanWorklists worklists;
    private final CurrentActor actor;

    public PhaseTransferResource(PlanWorklists worklists, CurrentActor actor) {
        this.worklists = worklists;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "A council's phase transfers of a year: the amended plans naming the new setting due by 15"
            + " February (31 March for secondary to post-16), with counts due, done and late")
    @APIResponse(responseCode = "200", description = "counts of the year's moves and one page of the reviews preparing"
            + " them, soonest deadline first (the lines for caseworkers only: a board member gets the counts and an"
            + " empty list)")
    @APIResponse(responseCode = "400", description = "la missing or not three digits, year missing or out of range,"
            + " page or size out of range (the problem's field names it)")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker or board member, or not acting for council la")
    public Uni<PlanWorklists.PhaseTransfers> list(
            @Parameter(description = "DfE three-digit local authority code", required = true, example = "839")
            @RestQuery String la,
            @Parameter(description = "calendar year of the moves (of their deadline)", required = true, example = "2027",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "2015", maximum = "2100")) @RestQuery String year,
            @Parameter(description = "page of lines, from 0 (the counts are of the whole year)", example = "0",
                    schema = @Schema(type = SchemaType.INTEGER)) @RestQuery String page,
            @Parameter(description = "lines per page, 1-200 (default 50)", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER)) @RestQuery String size) {
        return worklists.phaseTransfers(actor.current(), la, year, page, size);
    }
}
