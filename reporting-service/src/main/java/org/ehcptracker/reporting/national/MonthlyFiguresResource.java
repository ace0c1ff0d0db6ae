package org.ehcptracker.reporting.national;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.Role;
import org.ehcptracker.kit.rest.CurrentActor;
import org.ehcptracker.reporting.app.BoardReports;
import org.ehcptracker.reporting.domain.BoardReport;

/**
 * The pre-aggregated figures (docs/reporting.md, "At national scale"): the DfE 20-week table for a year, one row per
 * council, and a monthly trend. Read from council_month_figure only, so each answer costs the same whatever the size
 * of the history. Council scope as the board's: a council's figures for those who act for it, 'all' for national
 * users only.
 */
@RolesAllowed({Role.BOARD, Role.CASEWORKER})
@Path("/api/local-authorities/{la}/figures")
@Produces(MediaType.APPLICATION_JSON)
public class MonthlyFiguresResource {

    /** The first month with EHC plans (Children and Families Act 2014 Part 3, from 2014-09-01). */
    static final YearMonth FIRST_MONTH = YearMonth.from(BoardReports.FIRST_DAY);

    private final CouncilMonthFigures figures;
    private final CurrentActor actor;
    private final Clock clock;

    public MonthlyFiguresResource(CouncilMonthFigures figures, CurrentActor actor, Clock clock) {
        this.figures = figures;
        this.actor = actor;
        this.clock = clock;
    }

    /** A row of the national table. */
    public record CouncilYear(String localAuthorityCode, MonthlyFigureSums.Figures figures) {
    }

    /** The 20-week table of a calendar year: a council's row, or every council's for 'all'. */
    public record TwentyWeekTable(int year, List<CouncilYear> councils) {
    }

    /** One month of a trend. */
    public record Month(YearMonth month, MonthlyFigureSums.Figures figures) {
    }

    /** A council's (or the nation's) months [from, to] and their total. */
    public record MonthlyTrend(String localAuthorityCode, YearMonth from, YearMonth to,
                               MonthlyFigureSums.Figures total, List<Month> months) {
    }

    @GET
    @Path("twenty-weeks")
    @Operation(summary = "The DfE 20-week table of a calendar year",
            description = "Plans issued in the year (initial requests; assessments with a dispute about a refusal "
                    + "registered by the issue left out), how many within 20 weeks (day 140 or earlier), with and "
                    + "without cases that have a 20-week exception (excludingExceptions: the DfE headline), requests "
                    + "received and decisions whether to assess. One row for a council; one row per council with "
                    + "figures for 'all' (national users only). From pre-aggregated sums; see docs/reporting.md, "
                    + "\"At national scale\".")
    @APIResponse(responseCode = "200", description = "The table")
    @APIResponse(responseCode = "400", description = "A bad LA code, or a year missing, malformed, before 2014 or "
            + "after this one; the problem's 'field' names the parameter")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a board member or council staff, not acting for council "
            + "la, or 'all' for a council's user")
    public Uni<TwentyWeekTable> twentyWeeks(
            @Parameter(description = "DfE three-digit LA code, or 'all'", example = "976") @PathParam("la") String la,
            @Parameter(description = "calendar year, e.g. 2023", example = "2023") @QueryParam("year") String year) {
        BoardReports.requireReader(actor.current(), la);
        int y = year(year);
        YearMonth from = YearMonth.of(y, 1);
        YearMonth to = YearMonth.of(y, 12);
        Uni<Map<String, MonthlyFigureSums>> sums = BoardReport.ALL.equals(la) ? figures.councils(from, to)
                : figures.months(la, from, to).map(months -> {
                    MonthlyFigureSums total = new MonthlyFigureSums();
                    months.values().forEach(total::addAll);
                    return Map.of(la, total);
                });
        return sums.map(byCouncil -> new TwentyWeekTable(y, byCouncil.entrySet().stream()
                .map(e -> new CouncilYear(e.getKey(), e.getValue().figures())).toList()));
    }

    @GET
    @Path("months")
    @Operation(summary = "A monthly trend of the 20-week measure, requests and decisions",
            description = "For each month in [fromMonth, toMonth] (both inclusive, yyyy-mm; named apart from the board's from and to, which are dates) the figures of the council (or of "
                    + "the nation for 'all', national users only), by month of issue, of receipt and of decision; "
                    + "months without any are absent; the total over the period. From pre-aggregated sums; see "
                    + "docs/reporting.md, \"At national scale\".")
    @APIResponse(responseCode = "200", description = "The months and their total")
    @APIResponse(responseCode = "400", description = "A bad LA code, a missing or malformed month, a month before "
            + "2014-09 or after this one, or fromMonth after toMonth; the problem's 'field' names the parameter")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a board member or council staff, not acting for council "
            + "la, or 'all' for a council's user")
    public Uni<MonthlyTrend> months(
            @Parameter(description = "DfE three-digit LA code, or 'all'", example = "976") @PathParam("la") String la,
            @Parameter(description = "first month, yyyy-mm", example = "2023-01", required = true)
            @QueryParam("fromMonth") String fromMonth,
            @Parameter(description = "last month, yyyy-mm", example = "2023-12", required = true)
            @QueryParam("toMonth") String toMonth) {
        BoardReports.requireReader(actor.current(), la);
        YearMonth first = month("fromMonth", fromMonth);
        YearMonth last = month("toMonth", toMonth);
        if (first.isAfter(last)) {
            throw CommandRejected.invalid("fromMonth", "fromMonth " + first + " is after toMonth " + last);
        }
        return figures.months(la, first, last).map(months -> {
            MonthlyFigureSums total = new MonthlyFigureSums();
            List<Month> rows = new ArrayList<>();
            months.forEach((month, sums) -> {
                total.addAll(sums);
                rows.add(new Month(month, sums.figures()));
            });
            return new MonthlyTrend(la, first, last, total.figures(), rows);
        });
    }

    private int year(String value) {
        int thisYear = LocalDate.now(clock).getYear();
        if (value == null || value.isBlank()) {
            throw CommandRejected.invalid("year", "year is required, e.g. 2023");
        }
        int y;
        try {
            y = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw CommandRejected.invalid("year", "year '" + abbreviate(value) + "' is not a year such as 2023");
        }
        if (y < FIRST_MONTH.getYear() || y > thisYear) {
            throw CommandRejected.invalid("year", "year " + y + " is not from " + FIRST_MONTH.getYear() + " to " + thisYear);
        }
        return y;
    }

    private YearMonth month(String field, String value) {
        if (value == null || value.isBlank()) {
            throw CommandRejected.invalid(field, field + " is required, as yyyy-mm");
        }
        YearMonth m;
        try {
            m = YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw CommandRejected.invalid(field, field + " '" + abbreviate(value) + "' is not a month as yyyy-mm");
        }
        if (m.isBefore(FIRST_MONTH)) {
            throw CommandRejected.invalid(field, field + " " + m + " is before " + FIRST_MONTH + " (EHC plans began)");
        }
        if (m.isAfter(YearMonth.now(clock))) {
            throw CommandRejected.invalid(field, field + " " + m + " is in the future");
        }
        return m;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
