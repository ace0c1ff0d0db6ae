package org.ehcptracker.benchmarks;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.ehcptracker.reporting.forecast.ForecastAnswer;
import org.ehcptracker.reporting.forecast.ForecastQuestion;
import org.ehcptracker.reporting.forecast.PipelineCase;
import org.ehcptracker.reporting.forecast.PipelineMeasures;
import org.ehcptracker.reporting.forecast.Scenario;

/**
 * The forecast for a council of 2,000 open cases (issue 15: under 2 s), timed against a baseline in the same run:
 * the council's last 12 months measured from its history (what the board shows of the past, no simulation). Shapes:
 * the forecast (fit, backtest, 100 futures over 12 months), and the what-if (the same plus 100 futures under the
 * change). One thread, interleaved rounds after a warm-up, as the other benchmarks. docs/benchmarks.md.
 *
 * <pre>./mvnw -o -q -pl benchmarks exec:java -Dexec.mainClass=org.ehcptracker.benchmarks.ForecastBenchmark</pre>
 */
public final class ForecastBenchmark {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    private ForecastBenchmark() {
    }

    /**
     * Three years of a council taking 30 requests a week whose EP advice has fallen behind: 80% assessed after 28-42
     * days, EP advice after 30-60 days for the cases of the first year, then the EP service stalls
     * (only one request in four returned in the last 100 weeks), so about 2,000 cases are open today.
     */
    static List<PipelineCase> council(long seed) {
        Random random = new Random(seed);
        List<PipelineCase> cases = new ArrayList<>();
        LocalDate first = TODAY.minusWeeks(156);
        for (LocalDate week = first; week.isBefore(TODAY); week = week.plusWeeks(1)) {
            boolean stalled = week.isAfter(TODAY.minusWeeks(100));
            for (int i = 0; i < 30; i++) {
                LocalDate received = week.plusDays(random.nextInt(7));
                LocalDate decided = received.plusDays(28 + random.nextInt(15));
                boolean assess = random.nextInt(100) < 80;
                LocalDate epAsked = assess ? decided.plusDays(1) : null;
                boolean epStuck = stalled && random.nextInt(4) > 0;
                LocalDate epBack = assess && !epStuck ? epAsked.plusDays(30 + random.nextInt(31)) : null;
                LocalDate draft = epBack == null ? null : epBack.plusDays(7 + random.nextInt(14));
                LocalDate issued = draft == null ? null : draft.plusDays(20 + random.nextInt(15));
                PipelineCase c = new PipelineCase(UUID.randomUUID(), received, decided, assess,
                        assess ? null : decided, epAsked, epBack, draft, issued, random.nextInt(10) == 0);
                PipelineCase known = c.asOn(TODAY);
                if (known != null) {
                    cases.add(known);
                }
            }
        }
        return cases;
    }

    public static void main(String[] args) {
        List<PipelineCase> cases = council(15);
        long open = cases.stream().filter(c -> c.openOn(TODAY)).count();
        System.out.printf(Locale.ROOT, "# council: %d cases, %d open on %s; load average %s%n", cases.size(), open,
                TODAY, Machine.loadAverage());
        ForecastQuestion forecast = new ForecastQuestion(TODAY, 12, 104, 10, 10, ForecastQuestion.DEFAULT_RUNS, 1,
                Scenario.NONE, 1000.0, 60.0);
        ForecastQuestion whatIf = new ForecastQuestion(TODAY, 12, 104, 10, 10, ForecastQuestion.DEFAULT_RUNS, 1,
                new Scenario(6, 4, 12, 2, 2, 1.0), 1000.0, 60.0);
        List<Supplier<Object>> shapes = List.of(
                () -> last12Months(cases),
                () -> ForecastAnswer.of(forecast, cases, cases),
                () -> ForecastAnswer.of(whatIf, cases, cases));
        List<String> names = List.of("baseline: the last 12 months measured", "forecast (12 months, 100 futures, backtest)",
                "what-if (the forecast + 100 futures changed)");
        int warmup = 3;
        int rounds = 10;
        for (int r = 0; r < warmup; r++) {
            shapes.forEach(Supplier::get);
        }
        long[][] nanos = new long[shapes.size()][rounds];
        long[][] cpu = new long[shapes.size()][rounds];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < rounds; r++) {
            for (int s = 0; s < shapes.size(); s++) {
                long c = os.getProcessCpuTime();
                long t = System.nanoTime();
                Object result = shapes.get(s).get();
                nanos[s][r] = System.nanoTime() - t;
                cpu[s][r] = os.getProcessCpuTime() - c;
                if (result == null) {
                    throw new IllegalStateException("no answer");
                }
            }
        }
        ForecastAnswer check = ForecastAnswer.of(whatIf, cases, cases);
        System.out.printf(Locale.ROOT, "# shown %s; EP capacity bound %s; open in month 12: median %.0f, with the change %.0f%n",
                check.shown(), check.model().epCapacity().bound(),
                check.forecast().months().get(11).bands().get(PipelineMeasures.Measure.OPEN).p50(),
                check.whatIf().months().get(11).bands().get(PipelineMeasures.Measure.OPEN).p50());
        System.out.printf(Locale.ROOT, "%n| shape | median (wall) | max (wall) | ratio to baseline (median) | CPU of the JVM, median (all threads) |%n|---|---|---|---|---|%n");
        double base = median(nanos[0]);
        for (int s = 0; s < shapes.size(); s++) {
            System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f | %.0f ms |%n", names.get(s),
                    median(nanos[s]) / 1e6, max(nanos[s]) / 1e6, median(nanos[s]) / base, median(cpu[s]) / 1e6);
        }
        System.out.printf(Locale.ROOT, "%n%d rounds after %d warm-up rounds; goal: the what-if under 2 s: %s; load average %s%n",
                rounds, warmup, median(nanos[2]) < 2e9 ? "met" : "NOT met", Machine.loadAverage());
    }

    static List<PipelineMeasures> last12Months(List<PipelineCase> cases) {
        List<PipelineMeasures> months = new ArrayList<>();
        for (int i = 12; i >= 1; i--) {
            months.add(PipelineMeasures.of(YearMonth.from(TODAY).minusMonths(i), cases));
        }
        return months;
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    private static double max(long[] values) {
        return java.util.Arrays.stream(values).max().orElse(0);
    }
}
