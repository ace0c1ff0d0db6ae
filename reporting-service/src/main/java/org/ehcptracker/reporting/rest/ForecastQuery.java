package org.ehcptracker.reporting.rest;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The parameters /forecast and /what-if share, as typed (checked by {@code ForecastParameters}). */
public class ForecastQuery {

    @Parameter(description = "DfE three-digit LA code", example = "839")
    @PathParam("la")
    public String la;

    @Parameter(description = "months forecast after this one, 3-12 (default 12)", example = "12")
    @QueryParam("months")
    public String months;

    @Parameter(description = "weeks of history fitted, 26-260 (default 104)", example = "104")
    @QueryParam("windowWeeks")
    public String windowWeeks;

    @Parameter(description = "the council's educational psychologists (default 10): EP capacity per EP is the fitted "
            + "capacity over this", example = "10")
    @QueryParam("eps")
    public String eps;

    @Parameter(description = "the council's caseworkers drafting plans (default 10)", example = "10")
    @QueryParam("caseworkers")
    public String caseworkers;

    @Parameter(description = "simulated futures, 20-1000 (default 100)", example = "200")
    @QueryParam("runs")
    public String runs;

    @Parameter(description = "the random seed (default 1)", example = "1")
    @QueryParam("seed")
    public String seed;

    @Parameter(description = "the open backlog the board wants to reach", example = "300")
    @QueryParam("backlogTarget")
    public String backlogTarget;

    @Parameter(description = "the 20-week % excluding exceptions the board wants to reach", example = "60")
    @QueryParam("percentTarget")
    public String percentTarget;

    @Parameter(description = "json or csv; overrides the Accept header", example = "json")
    @QueryParam("format")
    public String format;

    @HeaderParam(HttpHeaders.ACCEPT)
    public String accept;
}
