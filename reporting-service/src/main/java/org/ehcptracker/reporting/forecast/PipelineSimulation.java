package org.ehcptracker.reporting.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * One simulated future of a council's pipeline (docs/forecast.md, "Simulation"): from the cases open on
 * {@code start} as they stood that day, and new requests drawn week by week, each case is walked through its
 * stages with durations drawn from the fitted distributions; the EP advice and drafting stages also wait for
 * capacity (a Poisson number of completions a week, first ready first served). Reproducible: the same model,
 * cases, start, scenario and random seed give the same future.
 */
public final class PipelineSimulation {

    private enum Step { DECIDE, REQUEST_EP, READY_TO_DRAFT, ISSUE, LEAVE }

    /** A case being simulated (mutable, one run's own). */
    private static final class Sim {
        final LocalDate clockStart;
        LocalDate decided, left, epRequested, epReturned, drafted, issued;
        Boolean assessed;
        boolean exception;

        Sim(LocalDate clockStart) {
            this.clockStart = clockStart;
        }

        PipelineCase toCase() {
            return new PipelineCase(null, clockStart, decided, assessed, left, epRequested, epReturned, drafted,
                    issued, exception);
        }
    }

    private record Pending(LocalDate day, long seq, Sim sim, Step step) {
    }

    private record Waiting(LocalDate ready, long seq, Sim sim) {
    }

    private final PipelineModel model;
    private final Scenario scenario;
    private final LocalDate start;
    private final LocalDate end;
    private final SplittableRandom random;
    private final List<Sim> sims = new ArrayList<>();
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            (x, y) -> x.day.equals(y.day) ? Long.compare(x.seq, y.seq) : x.day.compareTo(y.day));
    private final PriorityQueue<Waiting> epQueue = waitingQueue();
    private final PriorityQueue<Waiting> draftQueue = waitingQueue();
    private long seq;

    private PipelineSimulation(PipelineModel fitted, Scenario scenario, LocalDate start, LocalDate end,
                               SplittableRandom random) {
        this.model = fitted == null ? null : fitted.under(scenario);
        this.scenario = scenario;
        this.start = start;
        this.end = end;
        this.random = random;
    }

    private static PriorityQueue<Waiting> waitingQueue() {
        return new PriorityQueue<>((x, y) -> x.ready.equals(y.ready) ? Long.compare(x.seq, y.seq)
                : x.ready.compareTo(y.ready));
    }

    /**
     * One future: the cases open on {@code start} (as known that day) and the requests after it, to the end of
     * the {@code months}-th month after {@code start}'s month, measured month by month.
     */
    public static List<PipelineMeasures> run(PipelineModel model, Scenario scenario, Collection<PipelineCase> known,
                                             LocalDate start, int months, SplittableRandom random) {
        YearMonth first = YearMonth.from(start).plusMonths(1);
        LocalDate end = first.plusMonths(months - 1L).atEndOfMonth();
        PipelineSimulation s = new PipelineSimulation(model, scenario, start, end, random);
        s.carryIn(known);
        s.simulate();
        List<PipelineCase> result = new ArrayList<>(s.sims.size());
        for (Sim sim : s.sims) {
            result.add(sim.toCase());
        }
        List<PipelineMeasures> measures = new ArrayList<>(months);
        for (int i = 0; i < months; i++) {
            measures.add(PipelineMeasures.of(first.plusMonths(i), result));
        }
        return measures;
    }

    /**
     * The simulated cases themselves from {@code start} to {@code end}: a synthetic history with known parameters
     * for the fit's tests, and the benchmark's council.
     */
    static List<PipelineCase> cases(PipelineModel model, Scenario scenario, Collection<PipelineCase> known,
                                    LocalDate start, LocalDate end, SplittableRandom random) {
        PipelineSimulation s = new PipelineSimulation(model, scenario, start, end, random);
        s.carryIn(known);
        s.simulate();
        List<PipelineCase> result = new ArrayList<>(s.sims.size());
        for (Sim sim : s.sims) {
            result.add(sim.toCase());
        }
        return result;
    }

    /** The cases open on start continue from the stage they had reached, each stage having lasted so far. */
    private void carryIn(Collection<PipelineCase> known) {
        LocalDate day0 = start.plusDays(1);
        for (PipelineCase c : known) {
            if (!c.openOn(start)) {
                continue;
            }
            Sim s = new Sim(c.clockStart());
            s.decided = c.decided();
            s.assessed = c.assessed();
            s.epRequested = c.epRequested();
            s.epReturned = c.epReturned();
            s.drafted = c.drafted();
            sims.add(s);
            if (c.decided() == null) {
                int total = model.decisionDays().sampleLongerThan(elapsed(c.clockStart()), random);
                schedule(c.clockStart().plusDays(total), s, Step.DECIDE);
                continue;
            }
            if (!Boolean.TRUE.equals(c.assessed())) {
                continue; // a refusal held on start (later overturned): left as it is
            }
            int sinceDecision = elapsed(c.decided());
            if (c.drafted() == null && random.nextDouble() < model.shareLeavingAfterAssessment()
                    * model.leavingDays().shareLongerThan(sinceDecision)) {
                schedule(c.decided().plusDays(model.leavingDays().sampleLongerThan(sinceDecision, random)), s, Step.LEAVE);
            } else if (c.drafted() != null) {
                schedule(c.drafted().plusDays(model.finalDays().sampleLongerThan(elapsed(c.drafted()), random)), s,
                        Step.ISSUE);
            } else if (c.epRequested() != null && c.epReturned() == null) {
                int work = model.epDays().sampleLongerThan(elapsed(c.epRequested()), random);
                epQueue.add(new Waiting(c.epRequested().plusDays(work), seq++, s));
            } else if (c.epRequested() == null && sinceDecision < 28
                    && random.nextDouble() < model.shareWithEp()) {
                schedule(day0, s, Step.REQUEST_EP);
            } else {
                LocalDate base = c.epReturned() != null && c.epReturned().isAfter(c.decided()) ? c.epReturned() : c.decided();
                int work = model.draftDays().sampleLongerThan(elapsed(base), random);
                draftQueue.add(new Waiting(base.plusDays(work), seq++, s));
            }
        }
    }

    private int elapsed(LocalDate since) {
        return (int) ChronoUnit.DAYS.between(since, start);
    }

    private void schedule(LocalDate day, Sim sim, Step step) {
        if (!day.isAfter(end)) {
            pending.add(new Pending(day, seq++, sim, step));
        }
    }

    /** Week by week: the week's requests, every step due before the week ends, then the capacity-bound stages. */
    private void simulate() {
        LocalDate weekStart = start.plusDays(1);
        int week = 0;
        while (!weekStart.isAfter(end)) {
            LocalDate next = weekStart.plusDays(7);
            int requests = poisson(model.arrivals().perWeek(weekStart));
            for (int i = 0; i < requests; i++) {
                LocalDate day = weekStart.plusDays(random.nextInt(7));
                if (!day.isAfter(end)) {
                    Sim s = new Sim(day);
                    sims.add(s);
                    schedule(day.plusDays(model.decisionDays().sample(random)), s, Step.DECIDE);
                }
            }
            while (!pending.isEmpty() && pending.peek().day.isBefore(next)) {
                Pending p = pending.poll();
                take(p.day, p.sim, p.step);
            }
            boolean push = week < scenario.pushWeeks();
            serve(epQueue, model.epCapacity().perWeek() + (push ? model.epCapacity().perWeekOf(scenario.pushEps()) : 0),
                    next, true);
            // advice returned this week can be drafted this week
            while (!pending.isEmpty() && pending.peek().day.isBefore(next)) {
                Pending p = pending.poll();
                take(p.day, p.sim, p.step);
            }
            serve(draftQueue, model.draftCapacity().perWeek()
                    + (push ? model.draftCapacity().perWeekOf(scenario.pushCaseworkers()) : 0), next, false);
            weekStart = next;
            week++;
        }
    }

    private void take(LocalDate day, Sim s, Step step) {
        switch (step) {
            case DECIDE -> {
                s.decided = day;
                if (random.nextDouble() >= model.shareAssessed()) {
                    s.assessed = false;
                    s.left = day;
                    return;
                }
                s.assessed = true;
                if (random.nextDouble() < model.shareLeavingAfterAssessment()) {
                    schedule(day.plusDays(model.leavingDays().sample(random)), s, Step.LEAVE);
                } else if (random.nextDouble() < model.shareWithEp()) {
                    schedule(day.plusDays(model.epRequestLagDays().sample(random)), s, Step.REQUEST_EP);
                } else {
                    schedule(day, s, Step.READY_TO_DRAFT);
                }
            }
            case REQUEST_EP -> {
                s.epRequested = day;
                epQueue.add(new Waiting(day.plusDays(model.epDays().sample(random)), seq++, s));
            }
            case READY_TO_DRAFT -> draftQueue.add(new Waiting(day.plusDays(model.draftDays().sample(random)), seq++, s));
            case ISSUE -> {
                s.issued = day;
                boolean late = ChronoUnit.DAYS.between(s.clockStart, day) > 140;
                s.exception = random.nextDouble() < (late ? model.exceptionShareLate() : model.exceptionShareInTime());
            }
            case LEAVE -> s.left = day;
        }
    }

    /**
     * A week of a capacity-bound stage: a Poisson number of completions (mean {@code perWeek}) taken first ready,
     * first served among the work ready before the week ends; each completed on a day of the week not before it
     * was ready.
     */
    private void serve(PriorityQueue<Waiting> queue, double perWeek, LocalDate weekEnd, boolean ep) {
        int capacity = Double.isInfinite(perWeek) ? Integer.MAX_VALUE : poisson(perWeek);
        while (capacity > 0 && !queue.isEmpty() && queue.peek().ready.isBefore(weekEnd)) {
            Waiting w = queue.poll();
            capacity--;
            LocalDate day = weekEnd.minusDays(1 + random.nextInt(7));
            if (day.isBefore(w.ready)) {
                day = w.ready;
            }
            if (day.isAfter(end)) {
                continue;
            }
            if (ep) {
                w.sim.epReturned = day;
                schedule(day, w.sim, Step.READY_TO_DRAFT);
            } else {
                w.sim.drafted = day;
                schedule(day.plusDays(model.finalDays().sample(random)), w.sim, Step.ISSUE);
            }
        }
    }

    /** Only the dice (for tests drawing Poisson numbers as the simulation does). */
    static PipelineSimulation dice(SplittableRandom random) {
        return new PipelineSimulation(null, Scenario.NONE, null, null, random);
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
