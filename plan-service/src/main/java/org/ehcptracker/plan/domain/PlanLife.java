package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Objects;
import org.ehcptracker.contracts.plan.CeaseReason;
import org.ehcptracker.contracts.plan.PlanCeased;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.contracts.plan.SenNeedsRecorded;
import org.ehcptracker.kit.domain.AggregateType;

/**
 * A plan in force as a stream of its own (id = planId), from its final issue (which stays in the case's stream)
 * until it ceases; it lives across reviews and amendments, which have their own streams. Its facts at issue come
 * from {@link PlanInForce}. It remembers the child's SEN needs as last recorded for the plan.
 */
public sealed interface PlanLife permits PlanLife.Maintained, PlanLife.Ceased {

    Maintained MAINTAINED = new Maintained(null);

    AggregateType<PlanLife, PlanEvent> TYPE = new AggregateType<>("plan in force", PlanEvent.class, MAINTAINED,
            PlanLife::evolve);

    PlanLife evolve(PlanEvent event);

    /** The latest {@link SenNeedsRecorded} (by its date, then when it was recorded), or null before the first. */
    SenNeedsRecorded needs();

    /** Maintained by the LA (no event yet, or only events that do not end it). */
    record Maintained(SenNeedsRecorded needs) implements PlanLife {

        @Override
        public PlanLife evolve(PlanEvent event) {
            if (event instanceof PlanCeased c) {
                return new Ceased(c.businessDate(), c.reason(), needs);
            }
            if (event instanceof SenNeedsRecorded n) {
                return new Maintained(latest(needs, n));
            }
            return this;
        }
    }

    record Ceased(LocalDate ceasedDate, CeaseReason reason, SenNeedsRecorded needs) implements PlanLife {

        public Ceased {
            Objects.requireNonNull(ceasedDate, "ceasedDate");
            Objects.requireNonNull(reason, "reason");
        }

        public Ceased(LocalDate ceasedDate, CeaseReason reason) {
            this(ceasedDate, reason, null);
        }

        @Override
        public PlanLife evolve(PlanEvent event) {
            if (event instanceof PlanCeased c) {
                throw new IllegalStateException("cannot apply PlanCeased " + c.eventId() + ": the plan ceased on "
                        + ceasedDate);
            }
            if (event instanceof SenNeedsRecorded n) {
                // a correction of the needs the plan described while it was in force
                return new Ceased(ceasedDate, reason, latest(needs, n));
            }
            return this;
        }
    }

    /** The recording that holds: the later date wins; on the same date, the one recorded later (stream order). */
    private static SenNeedsRecorded latest(SenNeedsRecorded held, SenNeedsRecorded recorded) {
        return held == null || !recorded.businessDate().isBefore(held.businessDate()) ? recorded : held;
    }
}
