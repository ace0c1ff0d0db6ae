package org.ehcptracker.reporting.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.Role;
import org.ehcptracker.kit.rest.CurrentActor;
import org.ehcptracker.reporting.app.BoardForecasts;
import org.ehcptracker.reporting.app.ForecastParameters;
import org.ehcptracker.reporting.forecast.Backtest;
import org.ehcptracker.reporting.forecast.Band;
import org.ehcptracker.reporting.forecast.Forecast;
import org.ehcptracker.reporting.forecast.ForecastAnswer;
import org.ehcptracker.reporting.forecast.ForecastQuestion;
import org.ehcptracker.reporting.forecast.PipelineMeasures.Measure;
import org.ehcptracker.reporting.forecast.Scenario;

/**
 * The board's forecast page (docs/forecast.md, "The page"): the backlog and the 20-week percentage forecast as
 * bands, a what-if form (a GET: it changes nothing, so it needs no CSRF token, and a board can bookmark an answer),
 * the targets answered with and without the change, and the backtest's error.
 */
@RolesAllowed({Role.BOARD, Role.CASEWORKER})
@Path("/councils/{la}/forecast")
public class ForecastPage {

    /** The form's fields, in the order shown: id, label, hint. */
    static final List<Field> FIELDS = List.of(
            new Field("months", "Months ahead", "3 to 12"),
            new Field("eps", "Educational psychologists now", "The council's EPs; leave empty for 10"),
            new Field("caseworkers", "Caseworkers now", "The caseworkers drafting plans; leave empty for 10"),
            new Field("extraEps", "Extra educational psychologists", "Added for good, for example 6"),
            new Field("extraCaseworkers", "Extra caseworkers", "Added for good, for example 4"),
            new Field("pushWeeks", "Backlog push: weeks", "A one-off push from today, 0 to 52 weeks"),
            new Field("pushEps", "Backlog push: extra EPs", "During the push only"),
            new Field("pushCaseworkers", "Backlog push: extra caseworkers", "During the push only"),
            new Field("arrivalsChangePercent", "Change in requests (%)", "For example 10 for a tenth more, -10 for fewer"),
            new Field("typeNamedPercent", "Plans naming a type of setting (%)",
                    "Instead of consulting schools, 0 to 100; leave empty for the council's present share"),
            new Field("backlogTarget", "Backlog target", "The open assessments the board wants to reach, for example 300"),
            new Field("percentTarget", "20-week target (%)", "Plans within 20 weeks excluding exceptions, for example 60"));

    /** A field of the form: its id (the query parameter), label and hint. */
    public record Field(String id, String label, String hint) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forecast(String la, String council, List<Field> fields,
                                                Map<String, String> values, List<BoardPage.FieldError> errors,
                                                View view);
    }

    /** One month's row of the table: the bands as text. */
    public record Row(String month, String open, String openWithChange, String past20Weeks, String epBacklog,
                      String plansIssued, String percent, String percentWithChange) {
    }

    /** A backtest row. */
    public record ErrorRow(String measure, int months, String meanAbsoluteError, String meanAbsolutePercentError,
                           String inBand) {
    }

    /** What the page shows of an answer. */
    public record View(boolean shown, String reason, boolean whatIf, String backtestCut, LineChart backlogChart,
                       LineChart percentChart, List<Row> rows, List<ErrorRow> errors, List<String> answers,
                       String epNote) {
    }

    private final BoardForecasts forecasts;
    private final CurrentActor actor;

    public ForecastPage(BoardForecasts forecasts, CurrentActor actor) {
        this.forecasts = forecasts;
        this.actor = actor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Uni<Response> page(@PathParam("la") String la, @Context UriInfo uri) {
        if (la == null || !la.matches("\\d{3}")) {
            return Uni.createFrom().item(Pages.notFound());
        }
        if (!actor.current().actsFor(la)) {
            return Uni.createFrom().item(AgencyInboxPage.html(403, Pages.Templates.problem(
                    "You do not have access to the forecast of council " + la + ". Ask your administrator if you should.")));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : FIELDS) {
            String v = uri.getQueryParameters().getFirst(f.id());
            values.put(f.id(), v == null ? "" : v.strip());
        }
        List<BoardPage.FieldError> errors = new ArrayList<>();
        int months = (int) (long) read(errors, () -> ForecastParameters.whole("months", values.get("months"), 12,
                ForecastQuestion.MIN_MONTHS, ForecastQuestion.MAX_MONTHS), 12L);
        double eps = read(errors, () -> ForecastParameters.number("eps", values.get("eps"), 10, 1, 10000), 10.0);
        double cw = read(errors, () -> ForecastParameters.number("caseworkers", values.get("caseworkers"), 10, 1, 10000), 10.0);
        double extraEps = read(errors, () -> ForecastParameters.number("extraEps", values.get("extraEps"), 0, 0, 1000), 0.0);
        double extraCw = read(errors, () -> ForecastParameters.number("extraCaseworkers", values.get("extraCaseworkers"), 0, 0, 1000), 0.0);
        int pushWeeks = (int) (long) read(errors, () -> ForecastParameters.whole("pushWeeks", values.get("pushWeeks"), 0, 0, 52), 0L);
        double pushEps = read(errors, () -> ForecastParameters.number("pushEps", values.get("pushEps"), 0, 0, 1000), 0.0);
        double pushCw = read(errors, () -> ForecastParameters.number("pushCaseworkers", values.get("pushCaseworkers"), 0, 0, 1000), 0.0);
        double change = read(errors, () -> ForecastParameters.number("arrivalsChangePercent", values.get("arrivalsChangePercent"), 0, -90, 200), 0.0);
        Double typeNamed = read(errors, () -> ForecastParameters.optional("typeNamedPercent", values.get("typeNamedPercent"), 0, 100), null);
        Double backlogTarget = read(errors, () -> ForecastParameters.optional("backlogTarget", values.get("backlogTarget"), 0, 1_000_000), null);
        Double percentTarget = read(errors, () -> ForecastParameters.optional("percentTarget", values.get("percentTarget"), 0, 100), null);
        String council = BoardView.council(la);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(html(400, Templates.forecast(la, council, FIELDS, values, errors, null)));
        }
        Scenario scenario = new Scenario(extraEps, extraCw, pushWeeks, pushEps, pushCw, 1 + change / 100,
                typeNamed == null ? null : typeNamed / 100);
        ForecastQuestion q = new ForecastQuestion(forecasts.today(), months, 104, eps, cw,
                ForecastQuestion.DEFAULT_RUNS, 1, scenario, backlogTarget, percentTarget);
        return forecasts.answer(actor.current(), la, q)
                .map(a -> html(200, Templates.forecast(la, council, FIELDS, values, List.of(), view(a))));
    }

    private static <T> T read(List<BoardPage.FieldError> errors, Supplier<T> parse, T otherwise) {
        try {
            return parse.get();
        } catch (CommandRejected e) {
            errors.add(new BoardPage.FieldError(e.field(), e.getMessage()));
            return otherwise;
        }
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }

    static View view(ForecastAnswer a) {
        if (!a.shown()) {
            return new View(false, a.reason(), false, null, null, null, List.of(), List.of(), List.of(), null);
        }
        Forecast f = a.forecast();
        Forecast w = a.whatIf();
        List<String> labels = f.months().stream()
                .map(m -> m.month().getMonth().getDisplayName(TextStyle.SHORT, Locale.UK) + " " + m.month().getYear())
                .toList();
        LineChart backlog = new LineChart("chart-forecast-backlog", "Open assessments (the backlog), forecast", labels,
                List.of(new LineChart.Series("Forecast (median)", series(f, Measure.OPEN, 0.5)),
                        w != null ? new LineChart.Series("With the change (median)", series(w, Measure.OPEN, 0.5))
                                : new LineChart.Series("Forecast (90th percentile)", series(f, Measure.OPEN, 0.9))),
                null, "");
        Measure pct = Measure.PERCENT_WITHIN_20_WEEKS_EXCLUDING_EXCEPTIONS;
        LineChart percent = new LineChart("chart-forecast-20-weeks", "Plans issued within 20 weeks, forecast",
                labels, List.of(new LineChart.Series("Forecast (median)", series(f, pct, 0.5)),
                        w != null ? new LineChart.Series("With the change (median)", series(w, pct, 0.5))
                                : new LineChart.Series("Forecast (10th percentile)", series(f, pct, 0.1))),
                BigDecimal.valueOf(100), "%");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < f.months().size(); i++) {
            Map<Measure, Band> b = f.months().get(i).bands();
            Map<Measure, Band> c = w == null ? Map.of() : w.months().get(i).bands();
            rows.add(new Row(labels.get(i), band(b.get(Measure.OPEN), ""), band(c.get(Measure.OPEN), ""),
                    band(b.get(Measure.PAST_20_WEEKS), ""), band(b.get(Measure.EP_BACKLOG), ""),
                    band(b.get(Measure.PLANS_ISSUED), ""), band(b.get(pct), "%"), band(c.get(pct), "%")));
        }
        List<ErrorRow> errors = a.backtest().errors().stream().map(e -> new ErrorRow(name(e.measure()),
                e.monthsCompared(), one(e.meanAbsoluteError(), ""), one(e.meanAbsolutePercentError(), "%"),
                e.coverage() == null ? "–" : Math.round(100 * e.coverage()) + "%")).toList();
        List<String> answers = new ArrayList<>();
        if (a.targets() != null) {
            for (ForecastAnswer.TargetAnswer t : a.targets()) {
                String what = t.measure() == Measure.OPEN ? "The backlog is at or below " + number(t.target())
                        : "Plans within 20 weeks reach " + number(t.target()) + "%";
                answers.add(what + ": " + when(t.withoutChange()) + " without the change"
                        + (w == null ? "" : ", " + when(t.withChange()) + " with it") + ".");
            }
        }
        String epNote = a.model().epCapacity().bound() ? null
                : "The history does not show EP advice limited by the number of EPs (it took about as long whatever "
                + "was waiting), so more EPs change nothing in this model.";
        return new View(true, null, w != null, a.backtest().cut().toString(), backlog, percent, rows, errors, answers,
                epNote);
    }

    private static String when(java.time.YearMonth month) {
        return month == null ? "not within the months shown"
                : "by " + month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + month.getYear();
    }

    private static List<BigDecimal> series(Forecast f, Measure m, double q) {
        return f.months().stream().map(x -> {
            Band b = x.bands().get(m);
            if (b == null) {
                return (BigDecimal) null;
            }
            double v = q == 0.5 ? b.p50() : q < 0.5 ? b.p10() : b.p90();
            return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP);
        }).toList();
    }

    private static String band(Band b, String unit) {
        if (b == null) {
            return "–";
        }
        return number(b.p50()) + unit + " (" + number(b.p10()) + " to " + number(b.p90()) + ")";
    }

    private static String one(Double v, String unit) {
        return v == null ? "–" : BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString() + unit;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v)
                : BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    static String name(Measure m) {
        return switch (m) {
            case OPEN -> "Open assessments";
            case PAST_20_WEEKS -> "Open past 20 weeks";
            case PAST_30_WEEKS -> "Open past 30 weeks";
            case PAST_52_WEEKS -> "Open past 52 weeks";
            case EP_BACKLOG -> "EP advice owed";
            case PLANS_ISSUED -> "Plans issued in the month";
            case PERCENT_WITHIN_20_WEEKS -> "Within 20 weeks (including exceptions)";
            case PERCENT_WITHIN_20_WEEKS_EXCLUDING_EXCEPTIONS -> "Within 20 weeks (excluding exceptions)";
        };
    }
}
