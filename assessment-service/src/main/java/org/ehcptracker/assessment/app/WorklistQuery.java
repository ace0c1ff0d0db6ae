package org.ehcptracker.assessment.app;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.ehcptracker.assessment.domain.CaseStatus;
import org.ehcptracker.kit.domain.CommandRejected;

/**
 * The filters of {@code GET /api/worklist}, read from the query parameters as given (text, so that a bad value
 * is a 400 naming the parameter, never JAX-RS's 404 for an unconvertible query parameter).
 *
 * @param dueWithinDays next step due from today to today + N days (both included); null: no such filter
 * @param overdue       true: due before today; false: due today or later; null: no such filter
 */
public record WorklistQuery(String localAuthorityCode, String caseworker, CaseStatus status, Integer dueWithinDays,
                            Boolean overdue, int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 50;
    /** Ten years: no statutory step of an assessment is further away. */
    public static final int MAX_DAYS = 3660;
    /** As an actor's id (the token's subject). */
    public static final Pattern CASEWORKER = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final Pattern LA = Pattern.compile("\\d{3}");

    /** Checks and converts the query parameters; {@code CommandRejected.invalid} (400) naming the first bad one. */
    public static WorklistQuery parse(String la, String caseworker, String status, String dueWithinDays, String overdue,
                                      String page, String size) {
        if (la == null || la.isBlank()) {
            throw CommandRejected.invalid("la", "query parameter la is required: the DfE three-digit local authority code, e.g. 839");
        }
        if (!LA.matcher(la).matches()) {
            throw CommandRejected.invalid("la", "la must be the DfE three-digit local authority code, e.g. 839");
        }
        if (caseworker != null && !CASEWORKER.matcher(caseworker).matches()) {
            throw CommandRejected.invalid("caseworker",
                    "caseworker must be a caseworker's id as in the sign-in token's subject: 1-100 letters, digits, '.', '_', '@' or '-'");
        }
        return new WorklistQuery(la, caseworker, status(status), integer("dueWithinDays", dueWithinDays, 0, MAX_DAYS, null),
                bool("overdue", overdue), integer("page", page, 0, Integer.MAX_VALUE / MAX_SIZE, 0),
                integer("size", size, 1, MAX_SIZE, DEFAULT_SIZE));
    }

    private static CaseStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return CaseStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw CommandRejected.invalid("status", "status must be one of " + Arrays.toString(CaseStatus.values()));
        }
    }

    private static Integer integer(String name, String value, int min, int max, Integer absent) {
        if (value == null) {
            return absent;
        }
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw CommandRejected.invalid(name, name + " must be a whole number from " + min + " to " + max);
        }
        if (n < min || n > max) {
            throw CommandRejected.invalid(name, name + " must be a whole number from " + min + " to " + max);
        }
        return n;
    }

    private static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw CommandRejected.invalid(name, name + " must be true or false");
        };
    }
}
