package org.ehcptracker.reporting.forecast;

/**
 * What a stage (EP advice, drafting) completes a week. A stage the history shows was capacity-bound ({@code bound}:
 * its work waited longer when more was waiting) completes {@code perStaffPerWeek × staff} a week, drawn as a Poisson
 * number each simulated week (sickness, leave and the mix of cases make a week's output vary). A stage that was not
 * is not limited in the simulation (its time is its observed duration), so adding staff to it changes nothing: the
 * answer queueing theory gives for a server that is not the bottleneck.
 *
 * @param perStaffPerWeek completions a week per person (fitted: the upper quartile of 8-week mean weekly
 *                        completions, divided by the staff the council says it had); for a stage that was not bound,
 *                        its throughput, a lower bound of its capacity
 * @param staff           the people doing the work (a council's figure; the what-ifs add to it)
 * @param bound           the history showed the stage limited by its capacity
 */
public record StageCapacity(double perStaffPerWeek, double staff, boolean bound) {

    /** A capacity-bound stage. */
    public StageCapacity(double perStaffPerWeek, double staff) {
        this(perStaffPerWeek, staff, true);
    }

    /** Completions a week, infinite for a stage that is not capacity-bound. */
    public double perWeek() {
        return bound ? perStaffPerWeek * staff : Double.POSITIVE_INFINITY;
    }

    /** What {@code extraStaff} more people add a week (nothing to a stage that is not bound). */
    public double perWeekOf(double extraStaff) {
        return bound ? perStaffPerWeek * extraStaff : 0;
    }

    /** The same stage doing {@code factor} times as much per person (a draw of its parameter uncertainty). */
    public StageCapacity scaled(double factor) {
        return new StageCapacity(perStaffPerWeek * factor, staff, bound);
    }

    public StageCapacity plus(double extraStaff) {
        return new StageCapacity(perStaffPerWeek, staff + extraStaff, bound);
    }
}
