package org.ehcptracker.history;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.ExceptionWithdrawn;
import org.ehcptracker.contracts.assessment.MediationOrTribunalRecorded;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.statutory.StatutoryClock;

/**
 * DfE's 20-week figures computed the simplest way over raw events (the rules of docs/reporting.md, written
 * again without reporting-service's code): plans issued per council and calendar year, and within 20 weeks,
 * including and excluding exceptions. Checks the generator's calibration; deliberately naive. Thread-safe (councils are generated in parallel).
 */
public final class HistoryOracle implements Consumer<IntegrationEvent> {

    /** One council-year's figures as computed from events. */
    public record Figures(int plansIssued, int within20Weeks, int plansIssuedExcludingExceptions, int within20WeeksExcludingExceptions) {
    }

    private final Map<UUID, FinalPlanIssued> plans = new HashMap<>();
    private final Map<UUID, Set<UUID>> exceptions = new HashMap<>();
    private final Map<UUID, java.time.LocalDate> firstRefusalStageDispute = new HashMap<>();

    @Override
    public synchronized void accept(IntegrationEvent event) {
        if (event instanceof FinalPlanIssued plan) {
            plans.put(plan.caseId(), plan);
        } else if (event instanceof ExceptionRecorded e && e.limit() == StatutoryLimit.FINAL_PLAN_20_WEEKS) {
            exceptions.computeIfAbsent(e.caseId(), id -> new HashSet<>()).add(e.exceptionId());
        } else if (event instanceof ExceptionWithdrawn w) {
            exceptions.getOrDefault(w.caseId(), new HashSet<>()).remove(w.exceptionId());
        } else if (event instanceof MediationOrTribunalRecorded d && d.stage() != DisputeStage.PLAN_CONTENTS) {
            firstRefusalStageDispute.merge(d.caseId(), d.businessDate(), (a, b) -> a.isBefore(b) ? a : b);
        }
    }

    /** Figures keyed "la/year". */
    public synchronized Map<String, Figures> figures() {
        Map<String, int[]> counts = new TreeMap<>();
        for (FinalPlanIssued plan : plans.values()) {
            var disputed = firstRefusalStageDispute.get(plan.caseId());
            if (disputed != null && !disputed.isAfter(plan.businessDate())) {
                continue;
            }
            int[] c = counts.computeIfAbsent(plan.localAuthorityCode() + "/" + plan.businessDate().getYear(), k -> new int[4]);
            boolean within = StatutoryClock.issuedWithin20Weeks(plan.requestReceivedDate(), plan.businessDate());
            boolean exception = !exceptions.getOrDefault(plan.caseId(), Set.of()).isEmpty();
            c[0]++;
            c[1] += within ? 1 : 0;
            if (!exception) {
                c[2]++;
                c[3] += within ? 1 : 0;
            }
        }
        Map<String, Figures> result = new TreeMap<>();
        counts.forEach((key, c) -> result.put(key, new Figures(c[0], c[1], c[2], c[3])));
        return result;
    }
}
