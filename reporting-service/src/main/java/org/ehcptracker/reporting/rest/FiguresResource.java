package org.ehcptracker.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import org.ehcptracker.kit.domain.Role;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.rest.CurrentActor;
import org.ehcptracker.reporting.app.BoardFigures;

@RolesAllowed({Role.BOARD, Role.CASEWORKER})
@Path("/api/local-authorities/{la}/figures")
@Produces(MediaType.APPLICATION_JSON)
public class FiguresResource {

    private final BoardFigures figures;
    private final CurrentActor actor;

    public FiguresResource(BoardFigures figures, CurrentActor actor) {
        this.figures = figures;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "20-week timeliness and backlog of a local authority",
            description = "Plans issued in [from, to] (inclusive, by final-plan issue date): how many within 20 weeks "
                    + "(day 140 or earlier), with and without cases that have a 20-week exception; cases that went to "
                    + "mediation or tribunal are left out of both. The backlog is as of 'to'. See docs/reporting.md.")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "400", description = "A bad LA code, a missing or malformed date, or from after to; "
            + "the problem's 'field' names the parameter")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a board member or council staff (caseworker, team manager), "
            + "or not acting for council la")
    public Uni<FiguresResponse> figures(
            @Parameter(description = "DfE three-digit LA code, e.g. 839") @PathParam("la") String la,
            @Parameter(description = "first issue date counted, yyyy-mm-dd") @QueryParam("from") String from,
            @Parameter(description = "last issue date counted and the backlog date, yyyy-mm-dd") @QueryParam("to") String to) {
        Actor caller = actor.current();
        BoardFigures.requireReader(caller, la); // before the dates' checks, as for /board
        return figures.of(caller, la, date("from", from), date("to", to))
                .map(f -> FiguresResponse.of(f.timeliness(), f.backlog()));
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw CommandRejected.invalid(field, field + " is required, as yyyy-mm-dd");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw CommandRejected.invalid(field, field + " '" + value + "' is not a date as yyyy-mm-dd");
        }
    }
}
