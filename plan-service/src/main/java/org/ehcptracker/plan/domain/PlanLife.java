package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Objects;
import org.ehcptracker.contracts.plan.CeaseReason;
import org.ehcptracker.contracts.plan.PlanCeased;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.kit.domain.AggregateType;

/**
 * A plan in force as a stream of its own (id = planId), from its final issue (which stays in the case's stream)
 * until it ceases; it lives across reviews and amendments, which have their own streams. Its facts at issue come
 * from {@link PlanInForce}.
 */
public sealed interface PlanLife permits PlanLife.Maintained, PlanLife.Ceased {

    Maintained MAINTAINED = new Maintained();

    AggregateType<PlanLife, PlanEvent> TYPE = new AggregateType<>("plan in force", PlanEvent.class, MAINTAINED,
            PlanLife::evolve);

    PlanLife evolve(PlanEvent event);

    /** Maintained by the LA (no event yet, or only events that do not end it). */
    record Maintained() implements PlanLife {

        @Override
        public PlanLife evolve(PlanEvent event) {
            if (event instanceof PlanCeased c) {
                return new Ceased(c.businessDate(), c.reason());
            }
            return this;
        }
    }

    record Ceased(LocalDate ceasedDate, CeaseReason reason) implements PlanLife {

        public Ceased {
            Objects.requireNonNull(ceasedDate, "ceasedDate");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public PlanLife evolve(PlanEvent event) {
            if (event instanceof PlanCeased c) {
                throw new IllegalStateException("cannot apply PlanCeased " + c.eventId() + ": the plan ceased on "
                        + ceasedDate);
            }
            return this;
        }
    }
}
