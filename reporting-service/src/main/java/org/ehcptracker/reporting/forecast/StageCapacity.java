package org.ehcptracker.reporting.forecast;

/**
 * What a capacity-limited stage (EP advice, drafting) completes a week: {@code perStaffPerWeek × staff}, drawn
 * as a Poisson number each simulated week (sickness, leave and the mix of cases make a week's output vary).
 *
 * @param perStaffPerWeek completions a week per person (fitted: the upper quartile of 8-week mean weekly completions,
 *                        divided by the staff the council says it had)
 * @param staff           the people doing the work (a council's figure; the what-ifs add to it)
 */
public record StageCapacity(double perStaffPerWeek, double staff) {

    public double perWeek() {
        return perStaffPerWeek * staff;
    }

    public StageCapacity plus(double extraStaff) {
        return new StageCapacity(perStaffPerWeek, staff + extraStaff);
    }
}
