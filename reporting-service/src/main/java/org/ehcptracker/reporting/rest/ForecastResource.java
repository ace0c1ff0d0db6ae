package org.ehcptracker.reporting.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.Role;
import org.ehcptracker.kit.rest.CurrentActor;
import org.ehcptracker.reporting.app.BoardFigures;
import org.ehcptracker.reporting.app.BoardForecasts;
import static org.ehcptracker.reporting.app.ForecastParameters.number;
import static org.ehcptracker.reporting.app.ForecastParameters.optional;
import static org.ehcptracker.reporting.app.ForecastParameters.whole;
import org.ehcptracker.reporting.forecast.ForecastQuestion;
import org.ehcptracker.reporting.forecast.Scenario;

/**
 * A council's forecast and what-if, as JSON or CSV (docs/forecast.md, "API"). Both are GETs: a what-if changes
 * nothing, and a board can bookmark or share one.
 */
@RolesAllowed({Role.BOARD, Role.CASEWORKER})
@Path("/api/local-authorities/{la}")
public class ForecastResource {

    private static final String PROBLEM = "application/problem+json";
    private static final String BAD = "the problem's 'field' names the parameter: la (not three digits), months (not "
            + "3-12), windowWeeks (not 26-260), eps / caseworkers (not 1-10000), runs (not 20-1000), seed (not a whole "
            + "number), backlogTarget (negative), percentTarget (not 0-100), format (not json or csv)";

    private final BoardForecasts forecasts;
    private final CurrentActor actor;

    public ForecastResource(BoardForecasts forecasts, CurrentActor actor) {
        this.forecasts = forecasts;
        this.actor = actor;
    }

    @GET
    @Path("/forecast")
    @Produces({MediaType.APPLICATION_JSON, BoardResource.CSV})
    @Operation(summary = "Forecast of a council's backlog and 20-week timeliness for the next 3-12 months",
            description = "Fitted on the council's own history over the windowWeeks weeks to today (weekly requests with "
                    + "trend and school-year seasons, the share assessed, each stage's durations, EP advice and drafting "
                    + "capacity), then simulated (runs futures, seeded: the same seed gives the same answer) month by "
                    + "month: the backlog on the month's last day (open, past 20/30/52 weeks), the EP advice owed, plans "
                    + "issued and the 20-week percentage including and excluding exceptions, each as a 10th-50th-90th "
                    + "percentile band. With it, the backtest: the same model fitted on what was recorded by a past day "
                    + "and its error per measure over the months since. Without a backtest (too little history) "
                    + "'shown' is false and no band is given. Optional targets: the month the median backlog falls to "
                    + "backlogTarget, and the month the median 20-week % (excluding exceptions) reaches percentTarget. "
                    + "docs/forecast.md.")
    @APIResponse(responseCode = "200", description = "The forecast (or, 'shown' false, why none is given)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ForecastResponse.class)),
                    @Content(mediaType = BoardResource.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = BAD, content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "no valid bearer token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "not a board member or council staff (caseworker, team manager), "
            + "or not acting for council la", content = @Content(mediaType = PROBLEM))
    public Uni<Response> forecast(@BeanParam ForecastQuery query) {
        return answer(query, Scenario.NONE);
    }

    @GET
    @Path("/what-if")
    @Produces({MediaType.APPLICATION_JSON, BoardResource.CSV})
    @Operation(summary = "A council's forecast with and without a change the board can buy or decide",
            description = "As /forecast, plus the same futures (the same seed: the difference is the change's) under: "
                    + "extraEps more educational psychologists, extraCaseworkers more caseworkers (drafting), a one-off "
                    + "push (pushEps and pushCaseworkers extra for pushWeeks weeks), arrivalsChangePercent more (or, "
                    + "negative, fewer) requests, typeNamedPercent of final plans naming a type of setting instead of "
                    + "a school consulted on (draft to final takes each kind's own fitted time). The targets are answered with and without the change. A stage the "
                    + "history shows was not capacity-bound gains nothing from more staff (the model says which: "
                    + "epCapacityBound, draftCapacityBound). docs/forecast.md.")
    @APIResponse(responseCode = "200", description = "The forecast and the what-if (or, 'shown' false, why none is given)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ForecastResponse.class)),
                    @Content(mediaType = BoardResource.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = BAD + "; extraEps, extraCaseworkers, pushEps, pushCaseworkers (not "
            + "0-1000), pushWeeks (not 0-52), arrivalsChangePercent (not -90 to 200), typeNamedPercent (not 0-100)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "no valid bearer token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "not a board member or council staff (caseworker, team manager), "
            + "or not acting for council la", content = @Content(mediaType = PROBLEM))
    public Uni<Response> whatIf(
            @BeanParam ForecastQuery query,
            @Parameter(description = "EPs added for good (default 0)", example = "6") @QueryParam("extraEps") String extraEps,
            @Parameter(description = "caseworkers added for good (default 0)", example = "4") @QueryParam("extraCaseworkers") String extraCaseworkers,
            @Parameter(description = "weeks of a one-off backlog push from today (default 0)", example = "12") @QueryParam("pushWeeks") String pushWeeks,
            @Parameter(description = "extra EPs during the push (default 0)", example = "2") @QueryParam("pushEps") String pushEps,
            @Parameter(description = "extra caseworkers during the push (default 0)", example = "2") @QueryParam("pushCaseworkers") String pushCaseworkers,
            @Parameter(description = "per cent more requests a week, negative for fewer (default 0)", example = "10") @QueryParam("arrivalsChangePercent") String arrivalsChangePercent,
            @Parameter(description = "per cent of final plans naming a type of setting instead of a school (default: as fitted)", example = "40") @QueryParam("typeNamedPercent") String typeNamedPercent) {
        String la = query.la;
        Actor caller = actor.current();
        BoardFigures.requireReader(caller, la); // the council first, as for /board
        Scenario scenario = new Scenario(number("extraEps", extraEps, 0, 0, 1000),
                number("extraCaseworkers", extraCaseworkers, 0, 0, 1000),
                (int) whole("pushWeeks", pushWeeks, 0, 0, 52), number("pushEps", pushEps, 0, 0, 1000),
                number("pushCaseworkers", pushCaseworkers, 0, 0, 1000),
                1 + number("arrivalsChangePercent", arrivalsChangePercent, 0, -90, 200) / 100,
                share(optional("typeNamedPercent", typeNamedPercent, 0, 100)));
        return answer(query, scenario);
    }

    private static Double share(Double percent) {
        return percent == null ? null : percent / 100;
    }

    private Uni<Response> answer(ForecastQuery p, Scenario scenario) {
        String la = p.la;
        Actor caller = actor.current();
        BoardFigures.requireReader(caller, la);
        boolean csv = BoardResource.csv(p.format, p.accept);
        ForecastQuestion q = new ForecastQuestion(forecasts.today(),
                (int) whole("months", p.months, 12, ForecastQuestion.MIN_MONTHS, ForecastQuestion.MAX_MONTHS),
                (int) whole("windowWeeks", p.windowWeeks, 104, ForecastQuestion.MIN_WINDOW_WEEKS, ForecastQuestion.MAX_WINDOW_WEEKS),
                number("eps", p.eps, 10, 1, 10000), number("caseworkers", p.caseworkers, 10, 1, 10000),
                (int) whole("runs", p.runs, ForecastQuestion.DEFAULT_RUNS, 20, 1000),
                whole("seed", p.seed, 1, Long.MIN_VALUE, Long.MAX_VALUE),
                scenario, optional("backlogTarget", p.backlogTarget, 0, 1_000_000),
                optional("percentTarget", p.percentTarget, 0, 100));
        return forecasts.answer(caller, la, q).map(a -> {
            ForecastResponse r = ForecastResponse.of(la, q, a);
            return csv ? Response.ok(ForecastCsv.of(r), BoardResource.CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "inline; filename=\"forecast-" + la + ".csv\"").build()
                    : Response.ok(r, MediaType.APPLICATION_JSON).build();
        });
    }
}
