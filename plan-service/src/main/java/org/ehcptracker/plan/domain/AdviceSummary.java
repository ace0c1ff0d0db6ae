package org.ehcptracker.plan.domain;

/**
 * Advice status of a case, from advice-service's events (table {@code case_advice}); informative only,
 * it never blocks a plan.
 *
 * @param requested advice requests made and not cancelled
 * @param submitted of those, how many have their advice in
 * @param overdue   of those, how many are still awaited after their due date (Reg 8(1), 6 weeks)
 */
public record AdviceSummary(int requested, int submitted, int overdue) {

    public static final AdviceSummary NONE = new AdviceSummary(0, 0, 0);
}
