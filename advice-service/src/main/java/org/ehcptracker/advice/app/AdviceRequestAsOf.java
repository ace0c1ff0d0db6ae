package org.ehcptracker.advice.app;

import java.time.LocalDate;
import java.util.Objects;
import org.ehcptracker.advice.domain.AdviceRequestState;

/** An advice request with the day its lateness is judged on (the council's today when it was read). */
public record AdviceRequestAsOf(AdviceRequestState.Request request, LocalDate today) {

    public AdviceRequestAsOf {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(today, "today");
    }

    /** Late against the 6-week limit (Reg 8(1)) as of {@link #today}. */
    public boolean late() {
        return request.lateAsOf(today);
    }
}
