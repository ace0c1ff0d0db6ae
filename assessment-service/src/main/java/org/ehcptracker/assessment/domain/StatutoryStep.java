package org.ehcptracker.assessment.domain;

import java.time.LocalDate;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.statutory.StatutoryClock;

/** A statutory step a case can be waiting for, with the limit an exception can be recorded against. */
public enum StatutoryStep {
    /** Reg 5: the decision whether to assess, 6 weeks from the clock start. */
    DECISION_6_WEEKS(StatutoryLimit.DECISION_6_WEEKS),
    /** Reg 10: the assessment concluded (at the latest a decision not to issue a plan), 16 weeks from the clock start. */
    NO_PLAN_DECISION_16_WEEKS(StatutoryLimit.NO_PLAN_16_WEEKS),
    /** Reg 13(2): the final plan issued, 20 weeks (140 days) from the clock start. */
    FINAL_PLAN_20_WEEKS(StatutoryLimit.FINAL_PLAN_20_WEEKS),
    /** Reg 27: the final plan after a re-assessment, 14 weeks (98 days) from the clock start; a re-assessment's only step. */
    FINAL_PLAN_14_WEEKS_REASSESSMENT(StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT);

    private final StatutoryLimit limit;

    StatutoryStep(StatutoryLimit limit) {
        this.limit = limit;
    }

    /** The limit an {@code ExceptionRecorded} names for this step. */
    public StatutoryLimit limit() {
        return limit;
    }

    /** The last day this step is in time, counted by {@link StatutoryClock} from the clock start (day 0). */
    public LocalDate dueFrom(LocalDate clockStart) {
        return StatutoryClock.due(limit, clockStart);
    }
}
