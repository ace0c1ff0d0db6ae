package org.ehcptracker.reporting.forecast;

/**
 * A change a board can buy or decide, applied from the forecast's first day.
 *
 * @param extraEps          educational psychologists added for good
 * @param extraCaseworkers  caseworkers (drafting) added for good
 * @param pushWeeks         a one-off backlog push lasting this many weeks from the start (0: none)
 * @param pushEps           extra EPs during the push (locums, overtime)
 * @param pushCaseworkers   extra caseworkers during the push
 * @param arrivalsFactor    every week's requests multiplied by this (1: as fitted; 1.1: ten per cent more)
 * @param typeNamedShare    the share of final plans naming a type of setting instead of a school consulted on
 *                          (0-1), or null: as fitted
 */
public record Scenario(double extraEps, double extraCaseworkers, int pushWeeks, double pushEps,
                       double pushCaseworkers, double arrivalsFactor, Double typeNamedShare) {

    /** Nothing changed: the forecast itself. */
    public static final Scenario NONE = new Scenario(0, 0, 0, 0, 0, 1, null);

    /** A change of staff or arrivals only, the share naming a type of setting as fitted. */
    public Scenario(double extraEps, double extraCaseworkers, int pushWeeks, double pushEps, double pushCaseworkers,
                    double arrivalsFactor) {
        this(extraEps, extraCaseworkers, pushWeeks, pushEps, pushCaseworkers, arrivalsFactor, null);
    }

    public boolean isNone() {
        return equals(NONE);
    }
}
