package org.ehcptracker.reporting.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a {@link PipelineModel} to a council's cases over the {@code windowWeeks} weeks ending on {@code windowEnd}
 * (docs/forecast.md, "Fitting"). Each case is first taken as it stood on {@code windowEnd}
 * ({@link PipelineCase#asOn}): nothing dated after it is read, so a backtest's fit sees only its past.
 */
public final class PipelineFitter {

    /** The weeks over which the highest sustained throughput of a stage is read. */
    static final int SUSTAINED_WEEKS = 8;

    private PipelineFitter() {
    }

    /**
     * @param eps         the council's educational psychologists over the window (capacity per EP = throughput / eps)
     * @param caseworkers the council's caseworkers drafting plans over the window
     */
    public static PipelineModel fit(Collection<PipelineCase> history, LocalDate windowEnd, int windowWeeks, double eps,
                                    double caseworkers) {
        List<PipelineCase> cases = history.stream().map(c -> c.asOn(windowEnd)).filter(java.util.Objects::nonNull).toList();
        LocalDate windowStart = windowEnd.minusDays(7L * windowWeeks - 1);
        int[] arrivals = new int[windowWeeks];
        int[] epReturns = new int[windowWeeks];
        int[] drafts = new int[windowWeeks];
        List<Integer> decision = new ArrayList<>();
        List<Integer> lag = new ArrayList<>();
        List<Integer> ep = new ArrayList<>();
        List<Integer> leaving = new ArrayList<>();
        List<Integer> draft = new ArrayList<>();
        List<Integer> fin = new ArrayList<>();
        List<Integer> finTypeNamed = new ArrayList<>();
        List<Integer> other = new ArrayList<>();
        int withOther = 0;
        int decided = 0, assessed = 0, assessedSettled = 0, withEp = 0, leftSettled = 0;
        int inTime = 0, inTimeExc = 0, late = 0, lateExc = 0, finals = 0, typeNamed = 0;
        LocalDate settledBy = windowEnd.minusDays(182); // half a year on, an assessed case's exit would be seen
        LocalDate epSettledBy = windowEnd.minusDays(28);
        int epAssessedSettled = 0;
        for (PipelineCase c : cases) {
            int w = week(windowStart, c.clockStart(), windowWeeks);
            if (w >= 0) {
                arrivals[w]++;
            }
            if (in(c.decided(), windowStart, windowEnd) && c.assessed() != null) {
                decided++;
                decision.add(days(c.clockStart(), c.decided()));
                if (c.assessed()) {
                    assessed++;
                    boolean leftWithoutPlan = c.left() != null && c.issued() == null;
                    if (!c.decided().isAfter(epSettledBy) && !leftWithoutPlan) {
                        epAssessedSettled++;
                        if (c.epRequested() != null) {
                            withEp++;
                        }
                        if (c.otherAdviceRequested() != null) {
                            withOther++;
                        }
                    }
                    if (c.epRequested() != null) {
                        lag.add(days(c.decided(), c.epRequested()));
                    }
                    if (c.otherAdviceReturned() != null) {
                        other.add(days(c.decided(), c.otherAdviceReturned()));
                    }
                    if (!c.decided().isAfter(settledBy)) {
                        assessedSettled++;
                        leftSettled += c.left() != null && c.issued() == null ? 1 : 0;
                    }
                    if (c.left() != null && c.issued() == null) {
                        leaving.add(days(c.decided(), c.left()));
                    }
                }
            }
            if (in(c.epReturned(), windowStart, windowEnd) && c.epRequested() != null) {
                epReturns[week(windowStart, c.epReturned(), windowWeeks)]++;
                ep.add(days(c.epRequested(), c.epReturned()));
            }
            if (in(c.drafted(), windowStart, windowEnd)) {
                drafts[week(windowStart, c.drafted(), windowWeeks)]++;
                if (c.decided() != null) {
                    draft.add(days(draftBase(c), c.drafted()));
                }
            }
            if (in(c.issued(), windowStart, windowEnd)) {
                if (c.drafted() != null) {
                    (Boolean.TRUE.equals(c.typeNamed()) ? finTypeNamed : fin).add(days(c.drafted(), c.issued()));
                }
                if (c.typeNamed() != null) {
                    finals++;
                    typeNamed += c.typeNamed() ? 1 : 0;
                }
                if (days(c.clockStart(), c.issued()) <= 140) {
                    inTime++;
                    inTimeExc += c.exception() ? 1 : 0;
                } else {
                    late++;
                    lateExc += c.exception() ? 1 : 0;
                }
            }
        }
        boolean epBound = bound(cases, PipelineCase::epRequested, PipelineCase::epReturned, windowStart, windowEnd);
        boolean draftBound = bound(cases, PipelineFitter::readyToDraft, PipelineCase::drafted, windowStart, windowEnd);
        DurationDistribution epDays = orDefault(ep, 42);
        DurationDistribution draftDays = orDefault(draft, 28);
        ArrivalModel arrivalModel = arrivals(arrivals, windowStart, windowEnd);
        // a kind of plan never seen takes the other kind's time (so a what-if naming more types of setting, in a
        // council that never has, changes nothing it cannot know)
        DurationDistribution finSchool = orDefault(fin.isEmpty() ? finTypeNamed : fin, 28);
        DurationDistribution finType = finTypeNamed.isEmpty() ? finSchool : DurationDistribution.of(finTypeNamed);
        double[] arrivalErrors = arrivalErrors(arrivals, windowStart, windowEnd, arrivalModel);
        PipelineModel.Uncertainty uncertainty = new PipelineModel.Uncertainty(decided, epAssessedSettled,
                assessedSettled, finals, inTime, late, arrivalErrors[0], arrivalErrors[1], arrivalErrors[2],
                variation(epReturns), variation(drafts));
        return new PipelineModel(windowStart, windowEnd, arrivalModel,
                orDefault(decision, 42), share(assessed, decided, 0.75),
                share(withEp, epAssessedSettled, 0.9),
                orDefault(lag, 0), epBound ? ownWork(epDays) : epDays,
                new StageCapacity(sustained(epReturns) / Math.max(eps, 1e-9), eps, epBound),
                share(leftSettled, assessedSettled, 0.05), orDefault(leaving, 60),
                draftBound ? ownWork(draftDays) : draftDays,
                new StageCapacity(sustained(drafts) / Math.max(caseworkers, 1e-9), caseworkers, draftBound),
                finSchool, share(inTimeExc, inTime, 0), share(lateExc, late, 0), finType,
                share(typeNamed, finals, 0), share(withOther, epAssessedSettled, 0), orDefault(other, 0), uncertainty);
    }

    /**
     * The work's own time in a capacity-bound stage: the observed durations include the waits the simulation adds
     * again from the capacity, so only the 10th percentile (the quickest tenth: little wait) is kept, as a constant.
     */
    static DurationDistribution ownWork(DurationDistribution observed) {
        return DurationDistribution.constant(observed.quantile(0.1));
    }

    /** The least correlation, and the fewest completions, that show a stage limited by its capacity. */
    static final double BOUND_CORRELATION = 0.5;
    static final int BOUND_MIN_OBSERVED = 20;

    /**
     * Whether a stage was capacity-bound over the window: in a queue served at a limited rate, work that entered
     * when more was waiting took longer (the wait is the queue over the rate); where the stage's time is its own
     * (an agency that takes six weeks whatever is waiting) it does not. Read as the Pearson correlation, over the
     * work that entered and finished in the window, between the work waiting on its entry day and its days in the
     * stage: at least {@link #BOUND_CORRELATION}, with at least {@link #BOUND_MIN_OBSERVED} completions.
     */
    static boolean bound(Collection<PipelineCase> cases, java.util.function.Function<PipelineCase, LocalDate> entry,
                         java.util.function.Function<PipelineCase, LocalDate> exit, LocalDate windowStart,
                         LocalDate windowEnd) {
        LocalDate first = windowStart;
        for (PipelineCase c : cases) {
            LocalDate in = entry.apply(c);
            if (in != null && in.isBefore(first)) {
                first = in;
            }
        }
        int span = days(first, windowEnd) + 2;
        int[] change = new int[span];
        List<int[]> observed = new ArrayList<>();
        for (PipelineCase c : cases) {
            LocalDate in = entry.apply(c);
            if (in == null) {
                continue;
            }
            LocalDate out = exit.apply(c);
            if (out != null && out.isBefore(in)) {
                continue;
            }
            change[days(first, in)]++;
            if (out != null) {
                change[days(first, out)]--;
                if (!in.isBefore(windowStart)) {
                    observed.add(new int[] {days(first, in), days(in, out)});
                }
            }
        }
        if (observed.size() < BOUND_MIN_OBSERVED) {
            return false;
        }
        int[] waiting = new int[span];
        int running = 0;
        for (int d = 0; d < span; d++) {
            running += change[d];
            waiting[d] = running;
        }
        double n = observed.size(), sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (int[] o : observed) {
            double x = waiting[o[0]], y = o[1];
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        double vx = n * sxx - sx * sx, vy = n * syy - sy * sy;
        return vx > 0 && vy > 0 && (n * sxy - sx * sy) / Math.sqrt(vx * vy) >= BOUND_CORRELATION;
    }

    /**
     * The day a case could be drafted (its decision to assess, or the last of its EP and other advice if later), or
     * null: not yet.
     */
    static LocalDate readyToDraft(PipelineCase c) {
        if (!Boolean.TRUE.equals(c.assessed()) || c.decided() == null || (c.left() != null && c.issued() == null)
                || (c.epRequested() != null && c.epReturned() == null)
                || (c.otherAdviceRequested() != null && c.otherAdviceReturned() == null)) {
            return null;
        }
        return later(later(c.decided(), c.epReturned()), c.otherAdviceReturned());
    }

    /** The day drafting could start: the decision, or the last advice (EP or other) when it came later. */
    static LocalDate draftBase(PipelineCase c) {
        LocalDate base = c.decided();
        for (LocalDate advice : new LocalDate[] {c.epReturned(), c.otherAdviceReturned()}) {
            if (advice != null && advice.isAfter(base) && !advice.isAfter(c.drafted())) {
                base = advice;
            }
        }
        return base;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    /**
     * The sustained throughput of a stage: the upper quartile of its mean weekly completions over every
     * {@link #SUSTAINED_WEEKS} consecutive weeks. In a stage that was capacity-bound this is its capacity (a little
     * above: the quartile of a noisy mean); in one that never was, its throughput, a lower bound of its capacity
     * (docs/forecast.md, "Where it is weak"). The upper quartile, not the highest: the highest of ~90 noisy means
     * would overstate a saturated stage's capacity by a quarter.
     */
    static double sustained(int[] weekly) {
        int span = Math.min(SUSTAINED_WEEKS, weekly.length);
        if (span == 0) {
            return 0;
        }
        double[] means = new double[weekly.length - span + 1];
        for (int i = 0; i + span <= weekly.length; i++) {
            double sum = 0;
            for (int j = i; j < i + span; j++) {
                sum += weekly[j];
            }
            means[i] = sum / span;
        }
        java.util.Arrays.sort(means);
        return means[Math.min(means.length - 1, (int) Math.ceil(0.75 * means.length) - 1)];
    }

    /**
     * How uncertain a stage's fitted capacity is: the relative standard deviation of its 8-week mean weekly
     * completions over the window. The capacity is read as one of those means (the upper quartile), so their spread
     * is the spread of the reading: what a week's chance does to an 8-week mean, and what the capacity itself did
     * (staff leaving, joining, sick). 0 when it never completed anything.
     */
    static double variation(int[] weekly) {
        int span = Math.min(SUSTAINED_WEEKS, weekly.length);
        if (span == 0) {
            return 0;
        }
        int n = weekly.length - span + 1;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++) {
            double m = 0;
            for (int j = i; j < i + span; j++) {
                m += weekly[j];
            }
            m /= span;
            sum += m;
            sumSq += m * m;
        }
        double mean = sum / n;
        if (mean <= 0) {
            return 0;
        }
        double variance = Math.max(0, sumSq / n - mean * mean);
        return Math.sqrt(variance) / mean;
    }

    /**
     * The standard errors of the arrivals' line (least squares on the de-seasonalised weekly counts): of its level
     * at the window's middle week and of its slope, and where that middle is (weeks before the window's end). The
     * residuals hold the weeks' own scatter, so a council whose requests jump about gets the wider band it should.
     */
    static double[] arrivalErrors(int[] counts, LocalDate windowStart, LocalDate windowEnd, ArrivalModel fitted) {
        int n = counts.length;
        if (n < 3) {
            return new double[] {0, 0, 0};
        }
        double[] t = new double[n];
        double mean = 0;
        for (int k = 0; k < n; k++) {
            t[k] = ChronoUnit.DAYS.between(windowEnd, windowStart.plusDays(7L * k)) / 7.0;
            mean += t[k] / n;
        }
        double residuals = 0, stt = 0;
        for (int k = 0; k < n; k++) {
            double factor = fitted.factor(windowStart.plusDays(7L * k + 3));
            double y = factor <= 0 ? 0 : counts[k] / factor;
            double line = fitted.perWeekAtReference() + fitted.trendPerWeek() * t[k];
            residuals += (y - line) * (y - line);
            stt += (t[k] - mean) * (t[k] - mean);
        }
        double sigma = Math.sqrt(residuals / (n - 2));
        return new double[] {sigma / Math.sqrt(n), stt == 0 ? 0 : sigma / Math.sqrt(stt), -mean};
    }

    /**
     * Trend and seasonality of the weekly requests: alternately, the straight line fitted by least squares to the
     * counts divided by their period's factor, and each period's factor as its counts over the line's, normalised
     * to average 1 over a year; twenty rounds settle it.
     */
    static ArrivalModel arrivals(int[] counts, LocalDate windowStart, LocalDate windowEnd) {
        int n = counts.length;
        SchoolPeriod[] period = new SchoolPeriod[n];
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            LocalDate weekStart = windowStart.plusDays(7L * k);
            period[k] = SchoolPeriod.of(weekStart.plusDays(3));
            t[k] = ChronoUnit.DAYS.between(windowEnd, weekStart) / 7.0;
        }
        Map<SchoolPeriod, Double> factor = new EnumMap<>(SchoolPeriod.class);
        for (SchoolPeriod p : SchoolPeriod.values()) {
            factor.put(p, 1.0);
        }
        double a = 0, b = 0;
        for (int round = 0; round < 20; round++) {
            double st = 0, sy = 0, stt = 0, sty = 0;
            for (int k = 0; k < n; k++) {
                double y = counts[k] / factor.get(period[k]);
                st += t[k];
                sy += y;
                stt += t[k] * t[k];
                sty += t[k] * y;
            }
            double denominator = n * stt - st * st;
            b = n < 2 || denominator == 0 ? 0 : (n * sty - st * sy) / denominator;
            a = n == 0 ? 0 : (sy - b * st) / n;
            Map<SchoolPeriod, double[]> sums = new EnumMap<>(SchoolPeriod.class);
            for (int k = 0; k < n; k++) {
                double[] s = sums.computeIfAbsent(period[k], p -> new double[2]);
                s[0] += counts[k];
                s[1] += Math.max(1e-9, a + b * t[k]);
            }
            double weighted = 0;
            for (SchoolPeriod p : SchoolPeriod.values()) {
                double[] s = sums.get(p);
                factor.put(p, s == null || s[0] == 0 ? (s == null ? 1.0 : 0.0) : s[0] / s[1]);
                weighted += factor.get(p) * p.shareOfYear();
            }
            if (weighted <= 0) {
                break;
            }
            for (SchoolPeriod p : SchoolPeriod.values()) {
                factor.put(p, factor.get(p) / weighted);
            }
        }
        return new ArrivalModel(windowEnd, Math.max(0, a), b, factor);
    }

    private static DurationDistribution orDefault(List<Integer> observed, int days) {
        return observed.isEmpty() ? DurationDistribution.constant(days) : DurationDistribution.of(observed);
    }

    private static double share(int part, int whole, double otherwise) {
        return whole == 0 ? otherwise : part / (double) whole;
    }

    private static boolean in(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    private static int week(LocalDate windowStart, LocalDate day, int weeks) {
        long d = ChronoUnit.DAYS.between(windowStart, day);
        return d < 0 || d >= 7L * weeks ? -1 : (int) (d / 7);
    }

    static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to);
    }
}
