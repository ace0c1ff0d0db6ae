package org.ehcptracker.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import org.ehcptracker.kit.domain.Role;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.rest.CurrentActor;
import org.ehcptracker.reporting.app.BoardChanges;
import org.ehcptracker.reporting.app.BoardReports;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.ehcptracker.reporting.domain.BoardMeasures.TrendStep;
import org.ehcptracker.reporting.domain.BoardReport;

/** Every measure the board watches, for one council or all, as JSON or CSV (docs/reporting.md, "Board measures"). */
@RolesAllowed({Role.BOARD, Role.CASEWORKER})
@Path("/api/local-authorities/{la}/board")
public class BoardResource {

    static final String CSV = "text/csv";
    private static final String PROBLEM = "application/problem+json";

    private final BoardReports reports;
    private final Clock clock;
    private final BoardChanges changes;
    private final CurrentActor actor;

    public BoardResource(BoardReports reports, Clock clock, BoardChanges changes, CurrentActor actor) {
        this.reports = reports;
        this.clock = clock;
        this.changes = changes;
        this.actor = actor;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Every board measure of a council (or 'all'), as JSON or CSV",
            description = "For the business period [from, to]: plans issued and within 20 weeks including and excluding "
                    + "exceptions with average and median weeks, by month and rolling 12 months (initial requests only); "
                    + "re-assessments' final plans within 14 weeks (Reg 27), kept apart, by month; decisions to assess "
                    + "within 6 weeks; no-plan decisions within 16 weeks; advice within 6 weeks by agency and type; "
                    + "disputes by stage; where time is lost; annual reviews; plan quality audits; the backlog and the EP advice backlog as of 'to', with their trend by week or "
                    + "month; the council's rank among all councils on the headline measures. 'knownOn' gives the "
                    + "figures as they stood with only the events recorded by then. CSV (Accept: text/csv or "
                    + "format=csv): one figure a line, the same figures. Definitions: docs/reporting.md, 'Board measures'.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BoardReport.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "the problem's 'field' names the parameter: la (not three digits nor "
            + "'all'), from / to (missing, not yyyy-mm-dd, from before 2014-09-01, to after today, from after to), by "
            + "(not week or month), knownOn (not a date or instant, or in the future), format (not json or csv)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "no valid bearer token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "not a board member or council staff (caseworker, team manager), "
            + "not acting for council la, or la 'all' for a caller who does not act for every council (councils *)",
            content = @Content(mediaType = PROBLEM))
    public Uni<Response> board(
            @Parameter(description = "DfE three-digit LA code, e.g. 839, or 'all'") @PathParam("la") String la,
            @Parameter(description = "first business day counted, yyyy-mm-dd") @QueryParam("from") String from,
            @Parameter(description = "last business day counted and the backlogs' date, yyyy-mm-dd") @QueryParam("to") String to,
            @Parameter(description = "trend points: month (default; month ends) or week (Sundays)") @QueryParam("by") String by,
            @Parameter(description = "as known on: only events recorded by then; an instant (2025-09-01T09:00:00Z) or a "
                    + "date (the end of that day in the council's zone); default: everything recorded")
            @QueryParam("knownOn") String knownOn,
            @Parameter(description = "json or csv; overrides the Accept header") @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        // the council first: another council's caller learns nothing from the other parameters' checks
        Actor caller = actor.current();
        BoardReports.requireReader(caller, la);
        boolean csv = csv(format, accept);
        return reports.of(caller, la, FiguresResource.date("from", from), FiguresResource.date("to", to), step(by),
                        knownOn(knownOn))
                .map(report -> csv
                        ? Response.ok(BoardCsv.of(report), CSV + "; charset=UTF-8")
                                .header("Content-Disposition", "inline; filename=\"board-" + la + ".csv\"").build()
                        : Response.ok(report, MediaType.APPLICATION_JSON).build());
    }

    static boolean csv(String format, String accept) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw CommandRejected.invalid("format", "format '" + format + "' is neither json nor csv");
            };
        }
        // JSON unless the client prefers CSV and did not also name JSON first
        if (accept == null) {
            return false;
        }
        int csvAt = accept.indexOf(CSV);
        int jsonAt = accept.indexOf(MediaType.APPLICATION_JSON);
        return csvAt >= 0 && (jsonAt < 0 || csvAt < jsonAt);
    }

    static TrendStep step(String by) {
        if (by == null || by.isBlank()) {
            return TrendStep.MONTH;
        }
        return switch (by.toLowerCase(Locale.ROOT)) {
            case "month" -> TrendStep.MONTH;
            case "week" -> TrendStep.WEEK;
            default -> throw CommandRejected.invalid("by", "by '" + by + "' is neither week nor month");
        };
    }

    Instant knownOn(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusNanos(1000)
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw CommandRejected.invalid("knownOn",
                    "knownOn '" + value + "' is neither a date (yyyy-mm-dd) nor an instant (2025-09-01T09:00:00Z)");
        }
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The council's headline figures, live (Server-Sent Events)",
            description = "Sends the headline figures (the 12 months ending today: plans within 20 weeks including and "
                    + "excluding exceptions, decisions within 6 weeks; the backlog and EP backlog today) at once, then "
                    + "again within a second of an event of the council being projected, when they changed.")
    @APIResponse(responseCode = "200", description = "A text/event-stream of headline figures as JSON",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = BoardReports.Headline.class)))
    @APIResponse(responseCode = "400", description = "la is not three digits (field la)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "no valid bearer token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "not a board member or council staff (caseworker, team manager), "
            + "or not acting for council la", content = @Content(mediaType = PROBLEM))
    public Multi<BoardReports.Headline> stream(
            @Parameter(description = "DfE three-digit LA code, e.g. 839") @PathParam("la") String la) {
        if (la == null || !la.matches("\\d{3}")) {
            throw CommandRejected.invalid("la", "'" + la + "' is not a DfE local authority code (three digits, e.g. 839)");
        }
        // checked once, before the first event: the stream then only ever carries this council's figures
        BoardReports.requireReader(actor.current(), la);
        return changes.headlines(la);
    }
}
