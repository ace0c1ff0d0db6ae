package org.ehcptracker.advice.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.advice.ExistingAdviceReused;
import org.ehcptracker.kit.domain.AggregateType;

/**
 * The LA's use of existing advice instead of a new request (Reg 6(4)): one stream per case and advice type, whose
 * id is derived from both, so a second reuse of the same type finds the first (409) and two at once race on one
 * stream (one wins). No request goes to the agency and nothing is due from it.
 */
public sealed interface AdviceReuse permits AdviceReuse.None, AdviceReuse.Reused {

    /** The state of an empty stream. */
    None NONE = new None();

    /** How the application service loads and rebuilds a reuse. */
    AggregateType<AdviceReuse, AdviceEvent> TYPE = new AggregateType<>(
            "advice reuse", AdviceEvent.class, NONE, AdviceReuse::evolve);

    /** The state after one more event of the stream. */
    AdviceReuse evolve(AdviceEvent event);

    /** The stream id (and adviceReuseId) of the reuse of {@code type} for {@code caseId}. */
    static UUID idFor(UUID caseId, AdviceType type) {
        return UUID.nameUUIDFromBytes(("advice-reuse:" + caseId + ":" + type).getBytes(StandardCharsets.UTF_8));
    }

    /** No existing advice of this type was recorded as reused for the case. */
    record None() implements AdviceReuse {
        @Override
        public AdviceReuse evolve(AdviceEvent event) {
            if (event instanceof ExistingAdviceReused e) {
                return new Reused(e.adviceReuseId(), e.caseId(), e.localAuthorityCode(), e.adviceType(), e.agencyId(),
                        e.adviceDate(), e.businessDate());
            }
            throw new IllegalStateException("an advice reuse stream must start with ExistingAdviceReused, not "
                    + event.getClass().getSimpleName());
        }
    }

    /**
     * Existing advice in use for the case.
     *
     * @param adviceDate the date of the existing advice
     * @param recordedDate the day the LA recorded that it uses it
     */
    record Reused(UUID adviceReuseId, UUID caseId, String localAuthorityCode, AdviceType adviceType, String agencyId,
                  LocalDate adviceDate, LocalDate recordedDate) implements AdviceReuse {
        @Override
        public AdviceReuse evolve(AdviceEvent event) {
            throw new IllegalStateException("a reuse of existing advice has one event; got " + event.getClass().getSimpleName());
        }
    }
}
