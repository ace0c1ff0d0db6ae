package org.ehcptracker.reporting.app;

import org.ehcptracker.kit.domain.CommandRejected;

/**
 * A forecast's parameters as typed (query parameters, the page's form): each checked on its own, a bad one
 * rejected naming its field (docs/forecast.md, "API"). Shared by the API and the page so both accept the same.
 */
public final class ForecastParameters {

    private ForecastParameters() {
    }

    /** A whole number in [min, max], or {@code otherwise} when blank. */
    public static long whole(String field, String value, long otherwise, long min, long max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw CommandRejected.invalid(field, field + " '" + value + "' is not a whole number");
        }
        if (n < min || n > max) {
            throw CommandRejected.invalid(field, field + " " + n + " is not between " + min + " and " + max);
        }
        return n;
    }

    /** A number in [min, max], or {@code otherwise} when blank. */
    public static double number(String field, String value, double otherwise, double min, double max) {
        Double n = optional(field, value, min, max);
        return n == null ? otherwise : n;
    }

    /** A number in [min, max], or null when blank (NaN and infinities refused). */
    public static Double optional(String field, String value, double min, double max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        double n;
        try {
            n = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw CommandRejected.invalid(field, field + " '" + value + "' is not a number");
        }
        if (!(n >= min && n <= max)) {
            throw CommandRejected.invalid(field, field + " " + value + " is not between " + text(min) + " and " + text(max));
        }
        return n;
    }

    private static String text(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
