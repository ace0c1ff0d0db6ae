package org.ehcptracker.reporting.forecast;

import java.time.LocalDate;

/**
 * What a board asks: the forecast from {@code start} over {@code months} months, fitted on the
 * {@code windowWeeks} weeks before, with the council's staff; with a what-if ({@code scenario}, or
 * {@link Scenario#NONE}) and the targets to answer (null: not asked).
 *
 * @param backlogTarget the open backlog the board wants to be at or under
 * @param percentTarget the 20-week percentage (excluding exceptions, the DfE headline) it wants to reach
 */
public record ForecastQuestion(LocalDate start, int months, int windowWeeks, double eps, double caseworkers, int runs,
                               long seed, Scenario scenario, Double backlogTarget, Double percentTarget) {

    public static final int MIN_MONTHS = 3;
    public static final int MAX_MONTHS = 12;
    public static final int MIN_WINDOW_WEEKS = 26;
    public static final int MAX_WINDOW_WEEKS = 260;
    public static final int DEFAULT_RUNS = 100;
}
