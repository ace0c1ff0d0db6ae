package org.ehcptracker.reporting.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One simulated future of a council's pipeline (docs/forecast.md, "Simulation"): from the cases open on
 * {@code start} as they stood that day, and new requests drawn week by week, each case is walked through its
 * stages with durations drawn from the fitted distributions; the EP advice and drafting stages, when
 * capacity-bound, also wait for capacity (a Poisson number of completions a week, first ready first served).
 * Reproducible: the same model, cases, start, scenario and random generator give the same future. Days are counted
 * as epoch days (ints) inside a run: a future is thousands of dates, and {@code LocalDate} arithmetic was most of
 * its cost.
 */
public final class PipelineSimulation {

    /** A date not reached (after every real day, so "not yet by day d" is {@code date > d}). */
    static final int NONE = Integer.MAX_VALUE;

    private enum Step { DECIDE, REQUEST_EP, READY_TO_DRAFT, ISSUE, LEAVE }

    /** A case open on the start, as it stood (dates as epoch days, {@link #NONE} for none). */
    record Open(int clockStart, int decided, Boolean assessed, int epRequested, int epReturned, int drafted,
                int otherRequested, int otherReturned) {
    }

    /** A case being simulated (mutable, one run's own). */
    private static final class Sim {
        final int clockStart;
        int decided = NONE, left = NONE, epRequested = NONE, epReturned = NONE, drafted = NONE, issued = NONE;
        /** The last of the health, social care and education advice returned (NONE: none asked). */
        int otherRequested = NONE, otherReturned = NONE;
        Boolean assessed;
        Boolean typeNamed;
        boolean exception;

        Sim(int clockStart) {
            this.clockStart = clockStart;
        }

        PipelineCase toCase() {
            return new PipelineCase(null, date(clockStart), date(decided), assessed, date(left), date(epRequested),
                    date(epReturned), date(drafted), date(issued), exception,
                    issued == NONE ? null : typeNamed, date(otherRequested), date(otherReturned));
        }
    }

    private record Pending(int day, long seq, Sim sim, Step step) {
    }

    private record Waiting(int ready, long seq, Sim sim) {
    }

    private final PipelineModel model;
    private final Scenario scenario;
    private final int start;
    private final int end;
    private final SplittableRandom random;
    private final List<Sim> sims = new ArrayList<>();
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            (x, y) -> x.day != y.day ? Integer.compare(x.day, y.day) : Long.compare(x.seq, y.seq));
    private final PriorityQueue<Waiting> epQueue = waitingQueue();
    private final PriorityQueue<Waiting> draftQueue = waitingQueue();
    private long seq;

    private PipelineSimulation(PipelineModel fitted, Scenario scenario, int start, int end, SplittableRandom random) {
        this.model = fitted == null ? null : fitted.under(scenario);
        this.scenario = scenario;
        this.start = start;
        this.end = end;
        this.random = random;
    }

    private static PriorityQueue<Waiting> waitingQueue() {
        return new PriorityQueue<>((x, y) -> x.ready != y.ready ? Integer.compare(x.ready, y.ready)
                : Long.compare(x.seq, y.seq));
    }

    static int day(LocalDate date) {
        return date == null ? NONE : (int) date.toEpochDay();
    }

    static LocalDate date(int day) {
        return day == NONE ? null : LocalDate.ofEpochDay(day);
    }

    /** The cases open on {@code start} as a run carries them in (worked out once for all the runs). */
    static List<Open> openOn(Collection<PipelineCase> known, LocalDate start) {
        List<Open> open = new ArrayList<>();
        for (PipelineCase c : known) {
            if (c.openOn(start)) {
                open.add(new Open(day(c.clockStart()), day(c.decided()), c.assessed(), day(c.epRequested()),
                        day(c.epReturned()), day(c.drafted()), day(c.otherAdviceRequested()),
                        day(c.otherAdviceReturned())));
            }
        }
        return open;
    }

    /**
     * One future: the cases open on {@code start} ({@link #openOn}) and the requests after it, to the end of the
     * {@code months}-th month after {@code start}'s month, measured month by month.
     */
    static List<PipelineMeasures> run(PipelineModel model, Scenario scenario, List<Open> open, LocalDate start,
                                      int months, SplittableRandom random) {
        YearMonth first = YearMonth.from(start).plusMonths(1);
        LocalDate last = first.plusMonths(months - 1L).atEndOfMonth();
        PipelineSimulation s = new PipelineSimulation(model, scenario, day(start), day(last), random);
        s.carryIn(open);
        s.simulate();
        List<PipelineMeasures> measures = new ArrayList<>(months);
        for (int i = 0; i < months; i++) {
            measures.add(s.measure(first.plusMonths(i)));
        }
        return measures;
    }

    /** As {@link PipelineMeasures#of}, over the simulated cases. */
    private PipelineMeasures measure(YearMonth month) {
        int from = day(month.atDay(1));
        int to = day(month.atEndOfMonth());
        int open = 0, p20 = 0, p30 = 0, p52 = 0, ep = 0, issued = 0, within = 0, issuedEx = 0, withinEx = 0;
        for (Sim c : sims) {
            if (c.clockStart <= to && c.issued > to && c.left > to) {
                open++;
                int days = to - c.clockStart;
                p20 += days > 140 ? 1 : 0;
                p30 += days > 210 ? 1 : 0;
                p52 += days > 364 ? 1 : 0;
            }
            if (c.epRequested <= to && c.epReturned > to) {
                ep++;
            }
            if (c.issued >= from && c.issued <= to) {
                boolean inTime = c.issued - c.clockStart <= 140;
                issued++;
                within += inTime ? 1 : 0;
                if (!c.exception) {
                    issuedEx++;
                    withinEx += inTime ? 1 : 0;
                }
            }
        }
        return new PipelineMeasures(month, open, p20, p30, p52, ep, issued, within, issuedEx, withinEx);
    }

    /**
     * The simulated cases themselves from {@code start} to {@code end}: a synthetic history with known parameters
     * for the fit's tests.
     */
    static List<PipelineCase> cases(PipelineModel model, Scenario scenario, Collection<PipelineCase> known,
                                    LocalDate start, LocalDate end, SplittableRandom random) {
        PipelineSimulation s = new PipelineSimulation(model, scenario, day(start), day(end), random);
        s.carryIn(openOn(known, start));
        s.simulate();
        List<PipelineCase> result = new ArrayList<>(s.sims.size());
        for (Sim sim : s.sims) {
            result.add(sim.toCase());
        }
        return result;
    }

    /** The cases open on start continue from the stage they had reached, each stage having lasted so far. */
    private void carryIn(List<Open> open) {
        int day0 = start + 1;
        for (Open c : open) {
            Sim s = new Sim(c.clockStart());
            s.decided = c.decided();
            s.assessed = c.assessed();
            s.epRequested = c.epRequested();
            s.epReturned = c.epReturned();
            s.drafted = c.drafted();
            sims.add(s);
            if (c.decided() == NONE) {
                int total = model.decisionDays().sampleLongerThan(start - c.clockStart(), random);
                schedule(c.clockStart() + total, s, Step.DECIDE);
                continue;
            }
            if (!Boolean.TRUE.equals(c.assessed())) {
                continue; // a refusal held on start (later overturned): left as it is
            }
            int sinceDecision = start - c.decided();
            if (c.drafted() == NONE && random.nextDouble() < model.shareLeavingAfterAssessment()
                    * model.leavingDays().shareLongerThan(sinceDecision)) {
                schedule(c.decided() + model.leavingDays().sampleLongerThan(sinceDecision, random), s, Step.LEAVE);
            } else if (c.drafted() != NONE) {
                int elapsed = start - c.drafted();
                schedule(c.drafted() + consultationAfter(s, elapsed).sampleLongerThan(elapsed, random), s, Step.ISSUE);
            } else {
                carryInAdvice(c, s, sinceDecision);
                if (c.epRequested() != NONE && c.epReturned() == NONE) {
                    int work = model.epDays().sampleLongerThan(start - c.epRequested(), random);
                    epQueue.add(new Waiting(c.epRequested() + work, seq++, s));
                } else if (c.epRequested() == NONE && sinceDecision < 28 && random.nextDouble() < model.shareWithEp()) {
                    schedule(day0, s, Step.REQUEST_EP);
                } else if (s.otherReturned != NONE && s.otherReturned > start) {
                    schedule(s.otherReturned, s, Step.READY_TO_DRAFT); // waiting for the other advice only
                } else {
                    int base = Math.max(c.decided(), c.epReturned() != NONE ? c.epReturned() : c.decided());
                    base = Math.max(base, s.otherReturned != NONE ? s.otherReturned : base);
                    int work = model.draftDays().sampleLongerThan(start - base, random);
                    draftQueue.add(new Waiting(base + work, seq++, s));
                }
            }
        }
    }

    /**
     * The other advice of a case carried in: returned (as it stands), owed (returned after a drawn time longer than
     * it has waited since the decision), or not asked yet (asked, with the fitted share, if the decision is under four
     * weeks old, as for EP advice).
     */
    private void carryInAdvice(Open c, Sim s, int sinceDecision) {
        s.otherRequested = c.otherRequested();
        if (c.otherReturned() != NONE) {
            s.otherReturned = c.otherReturned();
        } else if (c.otherRequested() != NONE
                || (sinceDecision < 28 && random.nextDouble() < model.shareWithOtherAdvice())) {
            s.otherRequested = c.otherRequested() != NONE ? c.otherRequested() : start + 1;
            s.otherReturned = c.decided() + model.otherAdviceDays().sampleLongerThan(sinceDecision, random);
        }
    }

    private void schedule(int day, Sim sim, Step step) {
        if (day <= end) {
            pending.add(new Pending(day, seq++, sim, step));
        }
    }

    /** Week by week: the week's requests, every step due before the week ends, then the capacity-bound stages. */
    private void simulate() {
        int weekStart = start + 1;
        int week = 0;
        while (weekStart <= end) {
            int next = weekStart + 7;
            int requests = poisson(model.arrivals().perWeek(LocalDate.ofEpochDay(weekStart)));
            for (int i = 0; i < requests; i++) {
                int day = weekStart + random.nextInt(7);
                if (day <= end) {
                    Sim s = new Sim(day);
                    sims.add(s);
                    schedule(day + model.decisionDays().sample(random), s, Step.DECIDE);
                }
            }
            takeDue(next);
            boolean push = week < scenario.pushWeeks();
            serve(epQueue, model.epCapacity().perWeek() + (push ? model.epCapacity().perWeekOf(scenario.pushEps()) : 0),
                    next, true);
            takeDue(next); // advice returned this week can be drafted this week
            serve(draftQueue, model.draftCapacity().perWeek()
                    + (push ? model.draftCapacity().perWeekOf(scenario.pushCaseworkers()) : 0), next, false);
            weekStart = next;
            week++;
        }
    }

    private void takeDue(int before) {
        while (!pending.isEmpty() && pending.peek().day < before) {
            Pending p = pending.poll();
            take(p.day, p.sim, p.step);
        }
    }

    private void take(int day, Sim s, Step step) {
        switch (step) {
            case DECIDE -> {
                s.decided = day;
                if (random.nextDouble() >= model.shareAssessed()) {
                    s.assessed = false;
                    s.left = day;
                    return;
                }
                s.assessed = true;
                if (random.nextDouble() < model.shareWithOtherAdvice()) {
                    // health, social care and education advice, asked with the decision, in their own time
                    s.otherRequested = day;
                    s.otherReturned = day + model.otherAdviceDays().sample(random);
                }
                if (random.nextDouble() < model.shareLeavingAfterAssessment()) {
                    schedule(day + model.leavingDays().sample(random), s, Step.LEAVE);
                } else if (random.nextDouble() < model.shareWithEp()) {
                    schedule(day + model.epRequestLagDays().sample(random), s, Step.REQUEST_EP);
                } else {
                    schedule(day, s, Step.READY_TO_DRAFT);
                }
            }
            case REQUEST_EP -> {
                s.epRequested = day;
                epQueue.add(new Waiting(day + model.epDays().sample(random), seq++, s));
            }
            case READY_TO_DRAFT -> {
                if (s.otherReturned != NONE && s.otherReturned > day) {
                    schedule(s.otherReturned, s, Step.READY_TO_DRAFT); // the slowest advice bounds the draft
                } else {
                    draftQueue.add(new Waiting(day + model.draftDays().sample(random), seq++, s));
                }
            }
            case ISSUE -> {
                s.issued = day;
                boolean late = day - s.clockStart > 140;
                s.exception = random.nextDouble() < (late ? model.exceptionShareLate() : model.exceptionShareInTime());
            }
            case LEAVE -> s.left = day;
        }
    }

    /**
     * A week of a stage: a Poisson number of completions (mean {@code perWeek}; no limit when infinite) taken first
     * ready, first served among the work ready before the week ends; each completed on a day of the week not
     * before it was ready.
     */
    private void serve(PriorityQueue<Waiting> queue, double perWeek, int weekEnd, boolean ep) {
        int capacity = Double.isInfinite(perWeek) ? Integer.MAX_VALUE : poisson(perWeek);
        while (capacity > 0 && !queue.isEmpty() && queue.peek().ready < weekEnd) {
            Waiting w = queue.poll();
            capacity--;
            int day = Math.max(w.ready, weekEnd - 1 - random.nextInt(7));
            if (day > end) {
                continue;
            }
            if (ep) {
                w.sim.epReturned = day;
                schedule(day, w.sim, Step.READY_TO_DRAFT);
            } else {
                w.sim.drafted = day;
                schedule(day + consultation(w.sim).sample(random), w.sim, Step.ISSUE);
            }
        }
    }

    /**
     * Whether the case's plan will name a type of setting (drawn with the model's share, which a what-if may set)
     * and so how long its draft takes to become final: consulting schools takes its own time.
     */
    private DurationDistribution consultation(Sim s) {
        s.typeNamed = random.nextDouble() < model.shareTypeNamed();
        return s.typeNamed ? model.finalDaysTypeNamed() : model.finalDays();
    }

    /**
     * As {@link #consultation}, for a draft that has already waited {@code elapsed} days: the longer it has waited,
     * the likelier it is one whose school is being consulted (Bayes on the share of each kind lasting that long).
     */
    private DurationDistribution consultationAfter(Sim s, int elapsed) {
        double type = model.shareTypeNamed() * model.finalDaysTypeNamed().shareLongerThan(elapsed);
        double school = (1 - model.shareTypeNamed()) * model.finalDays().shareLongerThan(elapsed);
        double p = type + school > 0 ? type / (type + school) : model.shareTypeNamed();
        s.typeNamed = random.nextDouble() < p;
        return s.typeNamed ? model.finalDaysTypeNamed() : model.finalDays();
    }

    /** Only the dice (for tests drawing Poisson numbers as the simulation does). */
    static PipelineSimulation dice(SplittableRandom random) {
        return new PipelineSimulation(null, Scenario.NONE, 0, 0, random);
    }

    /** A Poisson draw: Knuth's product of uniforms for small means, the normal approximation above 30. */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
