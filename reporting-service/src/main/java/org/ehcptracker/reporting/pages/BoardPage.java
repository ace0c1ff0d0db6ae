package org.ehcptracker.reporting.pages;

import jakarta.annotation.security.RolesAllowed;
import org.ehcptracker.kit.domain.Role;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ehcptracker.kit.domain.AccessDenied;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.rest.CurrentActor;
import org.ehcptracker.reporting.app.BoardChanges;
import org.ehcptracker.reporting.app.BoardReports;
import org.ehcptracker.reporting.domain.BoardMeasures.TrendStep;
import org.ehcptracker.reporting.domain.BoardReport;
import org.ehcptracker.reporting.rest.BoardCsv;

/**
 * The board dashboard of a council (or all councils): the figures of {@link BoardReports} for a period, as known
 * on a date, with the headline tiles kept live by Server-Sent Events (docs/front-end.md, "Board dashboard").
 */
@RolesAllowed({Role.BOARD, Role.CASEWORKER})
@Path("/councils/{la}")
public class BoardPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance board(String la, String council, Form form, List<FieldError> errors,
                                             BoardView view, List<BoardView.Tile> tiles, String updated, String liveUrl,
                                             String csvUrl, boolean demo);

        static native TemplateInstance board$tiles(List<BoardView.Tile> tiles, String updated);
    }

    /** The picker's values as the user typed them, so a page with an error shows them back. */
    public record Form(String from, String to, String knownOn) {
    }

    /** A field the user must correct: the error summary links to it by id. */
    public record FieldError(String field, String message) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final BoardReports reports;
    private final BoardChanges changes;
    private final Clock clock;
    private final CurrentActor actor;
    private final DemoCouncils demoCouncils;

    public BoardPage(BoardReports reports, BoardChanges changes, Clock clock, CurrentActor actor,
                     DemoCouncils demoCouncils) {
        this.reports = reports;
        this.changes = changes;
        this.clock = clock;
        this.actor = actor;
        this.demoCouncils = demoCouncils;
    }

    /** A council's figures to those who act for it; all councils' to national users only (docs/security.md). */
    private boolean mayRead(String la) {
        Actor who = actor.current();
        return BoardReport.ALL.equals(la) ? who.actsForEveryCouncil() : who.actsFor(la);
    }

    private static Response forbidden(String la) {
        return AgencyInboxPage.html(403, Pages.Templates.problem("You do not have access to the figures of "
                + BoardView.council(la).toLowerCase(java.util.Locale.UK) + ". Ask your administrator if you should."));
    }

    @GET
    @Path("board")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> board(@PathParam("la") String la, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("knownOn") String knownOn) {
        if (!validScope(la)) {
            return Uni.createFrom().item(Pages.notFound());
        }
        if (!mayRead(la)) {
            return Uni.createFrom().item(forbidden(la));
        }
        Form form = new Form(blankToNull(from), blankToNull(to), blankToNull(knownOn));
        Period period;
        try {
            period = period(form);
        } catch (Rejections e) {
            return Uni.createFrom().item(page(la, form, e.errors, null, 400));
        }
        Uni<BoardReport> report;
        try {
            report = reports.of(la, period.from, period.to, TrendStep.MONTH, period.knownOn);
        } catch (CommandRejected e) {
            return Uni.createFrom().item(page(la, form, List.of(error(e)), null, 400));
        }
        return report.map(r -> page(la, new Form(period.from.toString(), period.to.toString(), form.knownOn()),
                List.of(), r, 200));
    }

    private Response page(String la, Form form, List<FieldError> errors, BoardReport report, int status) {
        String query = report == null ? "" : query(form);
        // live only when the figures can still change: "as known on" a past date is fixed
        String liveUrl = report == null || form.knownOn() != null ? null
                : "/councils/" + la + "/board/live" + query;
        String csvUrl = report == null ? null : "/councils/" + la + "/board.csv" + query;
        BoardView view = report == null ? null : BoardView.of(report);
        TemplateInstance page = Templates.board(la, BoardView.council(la), form, errors,
                view, view == null ? List.of() : view.tiles(), updated(), liveUrl, csvUrl, demoCouncils.marks(la));
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    /** The figures shown, as CSV: the same long table as the API's format=csv. */
    @GET
    @Path("board.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Uni<Response> csv(@PathParam("la") String la, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("knownOn") String knownOn) {
        if (!validScope(la)) {
            return Uni.createFrom().item(Pages.notFound());
        }
        if (!mayRead(la)) {
            return Uni.createFrom().item(forbidden(la));
        }
        Period period;
        try {
            period = period(new Form(blankToNull(from), blankToNull(to), blankToNull(knownOn)));
        } catch (Rejections e) {
            return Uni.createFrom().item(Response.status(400).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity(e.errors.get(0).message()).build());
        }
        return reports.of(la, period.from, period.to, TrendStep.MONTH, period.knownOn)
                .map(r -> Response.ok(BoardCsv.of(r), "text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"board-" + la + ".csv\"").build());
    }

    /**
     * The headline tiles of the period, rendered, at once and again whenever an event of the council changes them:
     * htmx's SSE extension swaps each "tiles" event into the page. Newlines are taken out so each event is one data
     * line (HTML does not mind).
     */
    @GET
    @Path("board/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> live(@PathParam("la") String la, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @Context Sse sse) {
        if (!validScope(la)) {
            throw CommandRejected.invalid("la", "'" + la + "' is neither a council code nor 'all'");
        }
        if (!mayRead(la)) {
            throw new AccessDenied("you do not act for " + la);
        }
        Period period;
        try {
            period = period(new Form(blankToNull(from), blankToNull(to), null));
        } catch (Rejections e) {
            throw CommandRejected.invalid(e.errors.get(0).field(), e.errors.get(0).message());
        }
        return changes.whenChanged(la, () -> reports.of(la, period.from, period.to, TrendStep.MONTH, null)
                        .map(BoardView::tiles))
                .map(tiles -> sse.newEventBuilder().name("tiles").mediaType(MediaType.TEXT_HTML_TYPE)
                        .data(String.class, Templates.board$tiles(tiles, updated()).render()
                                .replace("\r", "").replace('\n', ' '))
                        .build());
    }

    private record Period(LocalDate from, LocalDate to, Instant knownOn) {
    }

    /** Several fields can be wrong at once: all are reported together, as GOV.UK's error summary expects. */
    private static final class Rejections extends RuntimeException {
        final List<FieldError> errors;

        Rejections(List<FieldError> errors) {
            super(errors.get(0).message(), null, false, false);
            this.errors = errors;
        }
    }

    /** The period the user asked for; by default the 12 months ending today, everything recorded so far. */
    private Period period(Form form) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        LocalDate to = date("to", form.to(), "end date", errors);
        LocalDate from = date("from", form.from(), "start date", errors);
        LocalDate knownOnDay = date("knownOn", form.knownOn(), "'as known on' date", errors);
        if (!errors.isEmpty()) {
            throw new Rejections(errors);
        }
        to = to == null ? today : to;
        from = from == null ? to.minusYears(1).plusDays(1) : from;
        if (from.isBefore(BoardReports.FIRST_DAY)) {
            errors.add(new FieldError("from", "The start date must be on or after 1 September 2014, when EHC plans began"));
        }
        if (to.isAfter(today)) {
            errors.add(new FieldError("to", "The end date must be today or in the past"));
        }
        if (errors.isEmpty() && from.isAfter(to)) {
            errors.add(new FieldError("from", "The start date must be the same as or before the end date"));
        }
        if (knownOnDay != null && knownOnDay.isAfter(today)) {
            errors.add(new FieldError("knownOn", "The 'as known on' date must be today or in the past"));
        }
        if (!errors.isEmpty()) {
            throw new Rejections(errors);
        }
        // a day means "as the board knew it at the end of that day" (as the API reads a date)
        Instant knownOn = knownOnDay == null || knownOnDay.equals(today) ? null
                : knownOnDay.plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusNanos(1000);
        return new Period(from, to, knownOn);
    }

    private static LocalDate date(String field, String value, String name, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Enter the " + name + " as a real date, for example 2025-04-01"));
            return null;
        }
    }

    private static FieldError error(CommandRejected e) {
        return new FieldError(e.field() == null ? "from" : e.field(), e.getMessage());
    }

    private String updated() {
        return LocalTime.now(clock).format(TIME);
    }

    static boolean validScope(String la) {
        try {
            BoardReports.requireScope(la);
            return true;
        } catch (CommandRejected e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String query(Form form) {
        StringBuilder q = new StringBuilder();
        append(q, "from", form.from());
        append(q, "to", form.to());
        append(q, "knownOn", form.knownOn());
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append(q.length() == 0 ? '?' : '&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
