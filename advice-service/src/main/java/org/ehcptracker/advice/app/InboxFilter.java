package org.ehcptracker.advice.app;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.ehcptracker.kit.domain.CommandRejected;

/**
 * The inbox's {@code status} filter, as JPQL conditions over {@code advice_request_view} rows. "Open"
 * includes requests returned for rework; "due within N days" counts from today to the due date, the
 * due date included (still in time); "overdue" is open after its due date.
 */
public enum InboxFilter {
    ALL("all", ""),
    OPEN("open", "status = 'REQUESTED'"),
    DUE_WITHIN("due-within", "status = 'REQUESTED' and dueDate >= :today and dueDate <= :horizon"),
    OVERDUE("overdue", "status = 'REQUESTED' and dueDate < :today"),
    SUBMITTED("submitted", "status = 'SUBMITTED'"),
    RETURNED_FOR_REWORK("returned-for-rework", "status = 'REQUESTED' and reworkCount > 0"),
    CANCELLED("cancelled", "status = 'CANCELLED'");

    private final String code;
    private final String condition;

    InboxFilter(String code, String condition) {
        this.code = code;
        this.condition = condition;
    }

    public String code() {
        return code;
    }

    public String condition() {
        return condition;
    }

    /** The parameters {@link #condition()} names, as of {@code today}. */
    public Map<String, Object> parameters(LocalDate today, Integer days) {
        return switch (this) {
            case DUE_WITHIN -> Map.of("today", today, "horizon", today.plusDays(days));
            case OVERDUE -> Map.of("today", today);
            default -> Map.of();
        };
    }

    /** From the query parameter; absent means all; anything else is a 400 naming {@code status}. */
    public static InboxFilter of(String code) {
        if (code == null || code.isBlank()) {
            return ALL;
        }
        return Arrays.stream(values()).filter(f -> f.code.equals(code.trim())).findFirst()
                .orElseThrow(() -> CommandRejected.invalid("status", "status '" + code + "' is not one of "
                        + Arrays.stream(values()).map(InboxFilter::code).toList()));
    }
}
