package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.plan.DraftPlanIssued;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.kit.domain.AggregateType;

/**
 * The EHC plan of one case, rebuilt from its stream: none yet, the draft issued, or the final plan
 * issued. At most one plan per case, so the stream id is the caseId; the planId is generated when
 * the draft is issued and carried in every later event. Later steps (consultations, reviews...) do
 * not change what today's commands decide, so their events leave the state as it is.
 */
public sealed interface PlanState permits PlanState.NoPlan, PlanState.DraftIssued, PlanState.FinalIssued {

    NoPlan NONE = new NoPlan();

    AggregateType<PlanState, PlanEvent> TYPE = new AggregateType<>("plan", PlanEvent.class, NONE, PlanState::evolve);

    /** The state after one more event of this plan's stream. */
    PlanState evolve(PlanEvent event);

    /** No draft issued yet: the stream is empty. */
    record NoPlan() implements PlanState {

        @Override
        public PlanState evolve(PlanEvent event) {
            if (event instanceof DraftPlanIssued d) {
                return new DraftIssued(d.caseId(), d.planId(), d.businessDate());
            }
            if (event instanceof FinalPlanIssued f) {
                throw cannotApply(f, "before its draft");
            }
            return this;
        }
    }

    /** The draft was served on the family; the final plan is awaited. */
    record DraftIssued(UUID caseId, UUID planId, LocalDate draftIssuedDate) implements PlanState {

        public DraftIssued {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(planId, "planId");
            Objects.requireNonNull(draftIssuedDate, "draftIssuedDate");
        }

        @Override
        public PlanState evolve(PlanEvent event) {
            requireSameCase(caseId, event);
            if (event instanceof FinalPlanIssued f) {
                return new FinalIssued(this, f.businessDate(), f.namedSettingUrn(), f.settingType(),
                        f.requestReceivedDate());
            }
            if (event instanceof DraftPlanIssued d) {
                throw cannotApply(d, "after the draft of plan " + planId);
            }
            return this;
        }
    }

    /**
     * The final plan was issued.
     *
     * @param requestReceivedDate the clock start the final plan was measured against; kept, so the
     *                            20-week figures never change afterwards
     */
    record FinalIssued(DraftIssued draft, LocalDate finalIssuedDate, String namedSettingUrn, String settingType,
                       LocalDate requestReceivedDate) implements PlanState {

        public FinalIssued {
            Objects.requireNonNull(draft, "draft");
            Objects.requireNonNull(finalIssuedDate, "finalIssuedDate");
            Objects.requireNonNull(requestReceivedDate, "requestReceivedDate");
        }

        public UUID caseId() {
            return draft.caseId();
        }

        public UUID planId() {
            return draft.planId();
        }

        @Override
        public PlanState evolve(PlanEvent event) {
            requireSameCase(caseId(), event);
            if (event instanceof DraftPlanIssued || event instanceof FinalPlanIssued) {
                throw cannotApply(event, "after the final plan " + planId());
            }
            return this;
        }
    }

    private static void requireSameCase(UUID caseId, PlanEvent event) {
        if (!caseId.equals(event.caseId())) {
            throw new IllegalArgumentException("event " + event.eventId() + " is for case " + event.caseId()
                    + ", not " + caseId);
        }
    }

    private static IllegalStateException cannotApply(PlanEvent event, String when) {
        return new IllegalStateException("cannot apply " + event.getClass().getSimpleName() + " " + event.eventId()
                + " " + when);
    }
}
