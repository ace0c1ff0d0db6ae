package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.contracts.plan.ConsultationAnswered;
import org.ehcptracker.contracts.plan.ParentResponseReceived;
import org.ehcptracker.contracts.plan.SettingConsulted;
import org.ehcptracker.contracts.plan.DraftPlanIssued;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.kit.domain.AggregateType;

/**
 * The EHC plan of one case, rebuilt from its stream: none yet, the draft issued, or the final plan
 * issued. The stream id is the caseId: it holds the making of the plan (draft, the family's
 * response, consultations, the final plan); the planId is generated when the draft is issued and
 * carried in every later event. After a plan ceased (on the plan's own stream) the case may make another: a new
 * draft with a new planId starts the cycle again, and the plans made before stay in {@code earlierPlans}.
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
                return new DraftIssued(d.caseId(), d.planId(), d.localAuthorityCode(), d.businessDate());
            }
            if (event instanceof FinalPlanIssued f) {
                throw cannotApply(f, "before its draft");
            }
            return this;
        }
    }

    /** The plans the case made before the current one, oldest first (empty for a case's first plan). */
    default List<FinalIssued> earlierPlans() {
        return List.of();
    }

    /**
     * The draft was served on the family; the final plan is awaited.
     *
     * @param parentResponse the family's response to the draft, or null while none is recorded
     * @param consultations  the settings consulted, by URN, in the order consulted
     * @param earlierPlans   the case's plans issued (and ceased) before this draft, oldest first
     */
    record DraftIssued(UUID caseId, UUID planId, String localAuthorityCode, LocalDate draftIssuedDate,
                       ParentResponse parentResponse,
                       Map<String, Consultation> consultations, List<FinalIssued> earlierPlans) implements PlanState {

        public DraftIssued {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(planId, "planId");
            Objects.requireNonNull(localAuthorityCode, "localAuthorityCode");
            Objects.requireNonNull(draftIssuedDate, "draftIssuedDate");
            consultations = Collections.unmodifiableMap(new LinkedHashMap<>(consultations));
            earlierPlans = List.copyOf(earlierPlans);
        }

        public DraftIssued(UUID caseId, UUID planId, String localAuthorityCode, LocalDate draftIssuedDate,
                           ParentResponse parentResponse, Map<String, Consultation> consultations) {
            this(caseId, planId, localAuthorityCode, draftIssuedDate, parentResponse, consultations, List.of());
        }

        public DraftIssued(UUID caseId, UUID planId, String localAuthorityCode, LocalDate draftIssuedDate) {
            this(caseId, planId, localAuthorityCode, draftIssuedDate, null, Map.of());
        }

        public Optional<Consultation> consultation(String settingUrn) {
            return Optional.ofNullable(consultations.get(settingUrn));
        }

        @Override
        public PlanState evolve(PlanEvent event) {
            requireSameCase(caseId, event);
            if (event instanceof FinalPlanIssued f) {
                return new FinalIssued(this, f.businessDate(), f.namedSettingUrn(), f.settingType(),
                        f.requestReceivedDate());
            }
            if (event instanceof ParentResponseReceived r) {
                return new DraftIssued(caseId, planId, localAuthorityCode, draftIssuedDate,
                        new ParentResponse(r.businessDate(), r.requestedSetting(), r.requestedSettingType()),
                        consultations, earlierPlans);
            }
            if (event instanceof SettingConsulted c) {
                Map<String, Consultation> next = new LinkedHashMap<>(consultations);
                next.put(c.settingUrn(), new Consultation(c.settingUrn(), c.businessDate(), c.consultationDueDate(),
                        null, null));
                return new DraftIssued(caseId, planId, localAuthorityCode, draftIssuedDate, parentResponse, next,
                        earlierPlans);
            }
            if (event instanceof ConsultationAnswered a) {
                Consultation asked = consultations.get(a.settingUrn());
                if (asked == null) {
                    throw cannotApply(a, "for setting " + a.settingUrn() + ", never consulted");
                }
                Map<String, Consultation> next = new LinkedHashMap<>(consultations);
                next.put(a.settingUrn(), asked.answered(a.businessDate(), a.canMeetNeeds()));
                return new DraftIssued(caseId, planId, localAuthorityCode, draftIssuedDate, parentResponse, next,
                        earlierPlans);
            }
            if (event instanceof DraftPlanIssued d) {
                throw cannotApply(d, "after the draft of plan " + planId);
            }
            return this;
        }
    }

    /**
     * The family's response to the draft (Reg 13(1)); their comments stay in plan-service's
     * {@code parent_response} table, never in the event.
     *
     * @param requestedSettingUrn  URN/UKPRN of the setting they asked for, or null
     * @param requestedSettingType SEN2 type of setting they asked for instead, or null
     */
    record ParentResponse(LocalDate receivedDate, String requestedSettingUrn, String requestedSettingType) {

        public ParentResponse {
            Objects.requireNonNull(receivedDate, "receivedDate");
        }
    }

    /**
     * One setting consulted about being named (Code 9.83: answer within 15 days).
     *
     * @param answeredDate null while unanswered
     * @param canMeetNeeds null while unanswered
     */
    record Consultation(String settingUrn, LocalDate consultedDate, LocalDate answerDue, LocalDate answeredDate,
                        Boolean canMeetNeeds) {

        public Consultation {
            Objects.requireNonNull(settingUrn, "settingUrn");
            Objects.requireNonNull(consultedDate, "consultedDate");
            Objects.requireNonNull(answerDue, "answerDue");
        }

        public boolean answered() {
            return answeredDate != null;
        }

        Consultation answered(LocalDate on, boolean canMeet) {
            return new Consultation(settingUrn, consultedDate, answerDue, on, canMeet);
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
        public List<FinalIssued> earlierPlans() {
            return draft.earlierPlans();
        }

        @Override
        public PlanState evolve(PlanEvent event) {
            requireSameCase(caseId(), event);
            if (event instanceof DraftPlanIssued d) {
                // the decider allowed it only once this plan ceased (PlanCeased is on the plan's own stream)
                List<FinalIssued> made = new ArrayList<>(draft.earlierPlans());
                made.add(this);
                return new DraftIssued(d.caseId(), d.planId(), d.localAuthorityCode(), d.businessDate(), null,
                        Map.of(), made);
            }
            if (event instanceof ConsultationAnswered a) {
                // a late answer is still recorded after the final plan (Code 9.83: the LA decides without it)
                PlanState answered = draft.evolve(a);
                return new FinalIssued((DraftIssued) answered, finalIssuedDate, namedSettingUrn, settingType,
                        requestReceivedDate);
            }
            if (event instanceof FinalPlanIssued) {
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
