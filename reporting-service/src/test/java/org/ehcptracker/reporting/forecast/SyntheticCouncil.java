package org.ehcptracker.reporting.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** Pipelines with known parameters, for the fit's and the simulation's tests. */
final class SyntheticCouncil {

    private SyntheticCouncil() {
    }

    /** Every whole number of days from {@code from} to {@code to}, equally likely (a known median and spread). */
    static DurationDistribution uniform(int from, int to) {
        return DurationDistribution.of(IntStream.rangeClosed(from, to).boxed().toList());
    }

    /** School-year factors from raw ones, scaled to average 1 over a year, as the fit reports them. */
    static Map<SchoolPeriod, Double> seasons(double autumn, double spring, double summer, double holiday) {
        Map<SchoolPeriod, Double> raw = new EnumMap<>(SchoolPeriod.class);
        raw.put(SchoolPeriod.AUTUMN_TERM, autumn);
        raw.put(SchoolPeriod.SPRING_TERM, spring);
        raw.put(SchoolPeriod.SUMMER_TERM, summer);
        raw.put(SchoolPeriod.SUMMER_HOLIDAY, holiday);
        double mean = raw.entrySet().stream().mapToDouble(e -> e.getValue() * e.getKey().shareOfYear()).sum();
        raw.replaceAll((p, f) -> f / mean);
        return raw;
    }

    /**
     * An EP-bound council: 20 requests a week, decisions in 28-42 days, 80% assessed, 5% of those leave without a
     * plan, 90% of the rest need EP advice (asked 0-3 days after the decision, 21 days' work), four EPs doing three
     * a week each (12 a week against ~13.7 asked), drafting not limited (40 a week), 20-40 days from draft to final;
     * 30% of late plans and 5% of timely ones have an exception.
     */
    static PipelineModel epBound(LocalDate windowEnd) {
        return new PipelineModel(windowEnd.minusWeeks(104).plusDays(1), windowEnd, ArrivalModel.flat(windowEnd, 20),
                uniform(28, 42), 0.8, 0.9, uniform(0, 3), DurationDistribution.constant(21),
                new StageCapacity(3, 4), 0.05, uniform(30, 90), uniform(7, 21), new StageCapacity(4, 10),
                uniform(20, 40), 0.05, 0.30);
    }

    /**
     * The EP-bound council of {@link #epBound} whose plans name a type of setting in {@code shareTypeNamed} of cases,
     * finalised 5-15 days after the draft (no school to consult), against 40-60 days when a school is consulted.
     */
    static PipelineModel consulting(LocalDate windowEnd, double shareTypeNamed) {
        PipelineModel m = epBound(windowEnd);
        return new PipelineModel(m.windowStart(), windowEnd, m.arrivals(), m.decisionDays(), m.shareAssessed(),
                m.shareWithEp(), m.epRequestLagDays(), m.epDays(), m.epCapacity(), m.shareLeavingAfterAssessment(),
                m.leavingDays(), m.draftDays(), m.draftCapacity(), uniform(40, 60), m.exceptionShareInTime(),
                m.exceptionShareLate(), uniform(5, 15), shareTypeNamed, 0, DurationDistribution.constant(0),
                PipelineModel.Uncertainty.NONE);
    }

    /** {@code m} with another EP capacity. */
    static PipelineModel withEpCapacity(PipelineModel m, StageCapacity capacity) {
        return new PipelineModel(m.windowStart(), m.windowEnd(), m.arrivals(), m.decisionDays(), m.shareAssessed(),
                m.shareWithEp(), m.epRequestLagDays(), m.epDays(), capacity, m.shareLeavingAfterAssessment(),
                m.leavingDays(), m.draftDays(), m.draftCapacity(), m.finalDays(), m.exceptionShareInTime(),
                m.exceptionShareLate(), m.finalDaysTypeNamed(), m.shareTypeNamed(), m.shareWithOtherAdvice(),
                m.otherAdviceDays(), m.uncertainty());
    }

    /** The cases of {@code model} run from an empty council from {@code from} to {@code to}. */
    static List<PipelineCase> history(PipelineModel model, LocalDate from, LocalDate to, long seed) {
        return new ArrayList<>(PipelineSimulation.cases(model, Scenario.NONE, List.of(), from.minusDays(1), to,
                new SplittableRandom(seed)));
    }
}
