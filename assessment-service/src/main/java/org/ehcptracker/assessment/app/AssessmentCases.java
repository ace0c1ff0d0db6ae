package org.ehcptracker.assessment.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.assessment.domain.AssessmentDecider;
import org.ehcptracker.assessment.domain.CaseState;
import org.ehcptracker.assessment.domain.ChildPersonalDetails;
import org.ehcptracker.assessment.domain.ConcludeAssessment;
import org.ehcptracker.assessment.domain.DecideWhetherToAssess;
import org.ehcptracker.assessment.domain.ErasePersonalDetails;
import org.ehcptracker.assessment.domain.IssuedFinalPlan;
import org.ehcptracker.assessment.domain.RecordAssessmentRequest;
import org.ehcptracker.assessment.domain.CorrectException;
import org.ehcptracker.assessment.domain.RecordDispute;
import org.ehcptracker.assessment.domain.RecordDisputeOutcome;
import org.ehcptracker.assessment.domain.RecordException;
import org.ehcptracker.assessment.domain.RecordTransferIn;
import org.ehcptracker.assessment.domain.WithdrawException;
import org.ehcptracker.assessment.domain.WithdrawRequest;
import org.ehcptracker.assessment.persistence.CaseNoteEntity;
import org.ehcptracker.assessment.persistence.ChildPersonalDetailsEntity;
import org.ehcptracker.assessment.persistence.FinalPlanIssuedView;
import org.ehcptracker.assessment.persistence.PersonalDataRead;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.kit.app.EventSourcedAggregates;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.Decision;
import org.ehcptracker.kit.domain.DecisionContext;
import org.ehcptracker.kit.domain.Role;
import org.ehcptracker.kit.persistence.Transactions;
import org.jboss.logging.Logger;

/**
 * Assessment cases: each command in one transaction through {@link EventSourcedAggregates} (the relay
 * publishes the events after commit), and the child's personal details, which only this service holds.
 * Every write, read and erasure of those details is logged with the case id and the actor, never the
 * details themselves; every read of them is also recorded in {@code personal_data_read} (the case's audit).
 * <p>
 * Council scope (issue 11): the actor must act for the case's council. Commands check it on the state rebuilt
 * from the stream, inside the decision and so before anything is appended; reads check it before anything is
 * read beside the state. A case that does not exist stays 404 for everybody; another council's case is 403.
 */
@ApplicationScoped
public class AssessmentCases {

    private static final Logger LOG = Logger.getLogger(AssessmentCases.class);

    private final EventSourcedAggregates aggregates;
    private final Clock clock;

    public AssessmentCases(EventSourcedAggregates aggregates, Clock clock) {
        this.aggregates = aggregates;
        this.clock = clock;
    }

    /** A new case; the child's details are stored after the append, in its transaction. */
    public Uni<CaseFile> record(UUID caseId, Actor actor, RecordAssessmentRequest c) {
        return aggregates.handle(CaseState.TYPE, caseId, actor,
                        withinScope(actor, (state, ctx) -> {
                            // a new case is of the council in the body: nobody records a case for a council they do not act for
                            actor.requireCouncil(c.localAuthorityCode());
                            return AssessmentDecider.decide(c, state, ctx);
                        }),
                        (session, handled) -> ChildPersonalDetailsEntity.hold(caseId, c.child()))
                .invoke(() -> logIfHeld(c.child(), "recorded", caseId, actor))
                .map(handled -> new CaseFile(handled.state(), c.child()));
    }

    /** The decision; a refusal's note is kept in case_note under the event's id, after the append, in its transaction. */
    public Uni<CaseFile> decide(UUID caseId, Actor actor, DecideWhetherToAssess c) {
        return aggregates.handle(CaseState.TYPE, caseId, actor,
                        withinScope(actor, (state, ctx) -> AssessmentDecider.decide(c, state, ctx)),
                        (session, handled) -> CaseNoteEntity.hold(caseId, CaseNoteEntity.Subject.DECISION,
                                handled.events().get(0).eventId(), AssessmentDecider.requireNote(c.refusalNote(), "refusalNote")))
                .chain(handled -> withChild(handled.state(), actor));
    }

    public Uni<CaseFile> withdraw(UUID caseId, Actor actor, WithdrawRequest c) {
        return knowingTheFinalPlan(caseId, actor, (state, plan, ctx) -> AssessmentDecider.decide(c, state, plan, ctx),
                EventSourcedAggregates.AfterAppend.nothing());
    }

    public Uni<CaseFile> conclude(UUID caseId, Actor actor, ConcludeAssessment c) {
        return onCase(caseId, actor, (state, ctx) -> AssessmentDecider.decide(c, state, ctx));
    }

    public Uni<CaseFile> recordException(UUID caseId, Actor actor, RecordException c) {
        return knowingTheFinalPlan(caseId, actor, (state, plan, ctx) -> AssessmentDecider.decide(c, state, plan, ctx),
                (session, handled) -> CaseNoteEntity.hold(caseId, CaseNoteEntity.Subject.EXCEPTION, c.exceptionId(),
                        AssessmentDecider.requireNote(c.note())));
    }

    public Uni<CaseFile> correctException(UUID caseId, Actor actor, CorrectException c) {
        return knowingTheFinalPlan(caseId, actor, (state, plan, ctx) -> AssessmentDecider.decide(c, state, plan, ctx),
                EventSourcedAggregates.AfterAppend.nothing());
    }

    public Uni<CaseFile> withdrawException(UUID caseId, Actor actor, WithdrawException c) {
        return onCase(caseId, actor, (state, ctx) -> AssessmentDecider.decide(c, state, ctx));
    }

    /**
     * A transfer in that names another receiving council moves the case there: the actor must act for that council
     * too (nobody puts a child's case into a council they do not act for), as well as for the case's own.
     */
    public Uni<CaseFile> transferIn(UUID caseId, Actor actor, RecordTransferIn c) {
        return knowingTheFinalPlan(caseId, actor, (state, plan, ctx) -> {
                    if (state.exists() && c.localAuthorityCode() != null) {
                        actor.requireCouncil(c.localAuthorityCode());
                    }
                    return AssessmentDecider.decide(c, state, plan, ctx);
                },
                EventSourcedAggregates.AfterAppend.nothing());
    }

    public Uni<CaseFile> recordDispute(UUID caseId, Actor actor, RecordDispute c) {
        return aggregates.handle(CaseState.TYPE, caseId, actor,
                        withinScope(actor, (state, ctx) -> AssessmentDecider.decide(c, state, ctx)),
                        (session, handled) -> CaseNoteEntity.hold(caseId, CaseNoteEntity.Subject.DISPUTE, c.disputeId(),
                                AssessmentDecider.requireNote(c.note())))
                .chain(handled -> withChild(handled.state(), actor));
    }

    public Uni<CaseFile> recordDisputeOutcome(UUID caseId, Actor actor, RecordDisputeOutcome c) {
        return onCase(caseId, actor, (state, ctx) -> AssessmentDecider.decide(c, state, ctx));
    }

    /** The case's exceptions (withdrawn ones included) with their notes while held (a read recorded); 404 for an unknown case. */
    public Uni<CaseNotes> exceptions(UUID caseId, Actor actor) {
        return notesOf(caseId, actor, "exceptions.note",
                state -> state.exceptions().stream().map(CaseState.CaseException::exceptionId).toList());
    }

    /** The case's disputes with their notes while held (a read recorded); 404 for an unknown case. */
    public Uni<CaseNotes> disputes(UUID caseId, Actor actor) {
        return notesOf(caseId, actor, "disputes.note",
                state -> state.disputes().stream().map(CaseState.Dispute::disputeId).toList());
    }

    private Uni<CaseNotes> notesOf(UUID caseId, Actor actor, String field,
                                   java.util.function.Function<CaseState, List<UUID>> subjects) {
        Instant at = clock.instant();
        return Transactions.inTransaction(session -> loadInScope(caseId, actor).chain(state -> CaseNoteEntity.held(caseId)
                .map(notes -> {
                    var mine = new java.util.HashMap<UUID, String>();
                    if (mayReadPersonalData(actor)) {
                        subjects.apply(state).forEach(id -> {
                            if (notes.containsKey(id)) {
                                mine.put(id, notes.get(id));
                            }
                        });
                    }
                    return new CaseNotes(state, mine);
                })
                .call(n -> n.notes().isEmpty() ? Uni.createFrom().voidItem()
                        : PersonalDataRead.record(caseId, actor, at, List.of(field)))));
    }

    /** The case and the child's details while held (a read recorded); 404 for an unknown case, 403 another council's. */
    public Uni<CaseFile> get(UUID caseId, Actor actor) {
        return loadInScope(caseId, actor).chain(state -> withChild(state, actor));
    }

    /** The case's state; 404 unknown, 403 when the actor does not act for its council (checked before any other read). */
    public Uni<CaseState> loadInScope(UUID caseId, Actor actor) {
        return aggregates.load(CaseState.TYPE, caseId).invoke(state -> requireScope(actor, state));
    }

    /** Refuses (403) an actor who does not act for an existing case's council; an unknown case is left to the decider (404). */
    static void requireScope(Actor actor, CaseState state) {
        if (state.exists()) {
            actor.requireCouncil(state.localAuthorityCode());
        }
    }

    /** The decision, refused (403) first when the case exists and is not of the actor's council: before any append. */
    private static Decision<CaseState, AssessmentEvent> withinScope(Actor actor, Decision<CaseState, AssessmentEvent> decision) {
        return (state, ctx) -> {
            requireScope(actor, state);
            return decision.decide(state, ctx);
        };
    }

    /** Only caseworkers (team managers hold the role too) need a child's name, date of birth and the notes. */
    private static boolean mayReadPersonalData(Actor actor) {
        return actor.hasRole(Role.CASEWORKER);
    }

    /**
     * Blanks the child's name and date of birth, and every free-text note of the case, and appends
     * {@code PersonalDetailsErased} (once: a repeat appends nothing) so the other services erase their own free
     * text about the case; one transaction. 404 for an unknown case. The case itself stays.
     */
    public Uni<Void> erasePersonalDetails(UUID caseId, Actor actor) {
        ErasePersonalDetails command = new ErasePersonalDetails(caseId);
        // The local tables are blanked even when the event was appended before: the upserts are idempotent,
        // and a row written since (none should be) is erased too.
        return aggregates.inTransaction(session -> aggregates.handle(session, CaseState.TYPE, caseId, actor,
                                withinScope(actor, (state, ctx) -> AssessmentDecider.decide(command, state, ctx)),
                                EventSourcedAggregates.AfterAppend.<CaseState, AssessmentEvent>nothing())
                        .chain(() -> ChildPersonalDetailsEntity.erase(caseId, clock.instant()))
                        .chain(() -> CaseNoteEntity.eraseAll(caseId, clock.instant())))
                .invoke(() -> LOG.infof("personal details of case %s erased by %s", caseId, actor));
    }

    /** The case with the child's details and the refusals' notes while held. */
    /** A command on the case that writes nothing but its events; answers the case after it. */
    /** A decision that also needs plan-service's final plan for the case, as this service's local view holds it. */
    @FunctionalInterface
    private interface DecisionKnowingTheFinalPlan {
        List<AssessmentEvent> decide(CaseState state, Optional<IssuedFinalPlan> finalPlan, DecisionContext ctx);
    }

    /**
     * Reads plan-service's final plan (local view) in the command's own transaction, so the decision and the fact
     * it rests on are one snapshot (a final plan arriving meanwhile cannot slip between them).
     */
    private Uni<CaseFile> knowingTheFinalPlan(UUID caseId, Actor actor, DecisionKnowingTheFinalPlan decision,
                                              EventSourcedAggregates.AfterAppend<CaseState, AssessmentEvent> after) {
        return aggregates.inTransaction(session -> FinalPlanIssuedView.of(caseId)
                        .chain(plan -> aggregates.handle(session, CaseState.TYPE, caseId, actor,
                                withinScope(actor, (state, ctx) -> decision.decide(state, plan, ctx)), after)))
                .chain(handled -> withChild(handled.state(), actor));
    }

    private Uni<CaseFile> onCase(UUID caseId, Actor actor, Decision<CaseState, AssessmentEvent> decision) {
        return aggregates.handle(CaseState.TYPE, caseId, actor, withinScope(actor, decision))
                .chain(handled -> withChild(handled.state(), actor));
    }

    /**
     * The case with the child's details and the refusals' notes while held, for a caseworker; the read is recorded
     * (which fields, by whom, when) in the same transaction, so no answer discloses them unrecorded.
     */
    private Uni<CaseFile> withChild(CaseState state, Actor actor) {
        if (!mayReadPersonalData(actor)) {
            return Uni.createFrom().item(new CaseFile(state, ChildPersonalDetails.NONE));
        }
        Instant at = clock.instant();
        return Transactions.inTransaction(session -> ChildPersonalDetailsEntity.held(state.caseId())
                        .chain(child -> CaseNoteEntity.held(state.caseId()).map(notes -> new CaseFile(state, child, notes)))
                        .call(file -> {
                            List<String> fields = disclosed(file);
                            return fields.isEmpty() ? Uni.createFrom().voidItem()
                                    : PersonalDataRead.record(state.caseId(), actor, at, fields);
                        }))
                .invoke(file -> logIfHeld(file.child(), "read", state.caseId(), actor));
    }

    /** The personal-data fields a case view of {@code file} shows. */
    private static List<String> disclosed(CaseFile file) {
        var fields = new java.util.ArrayList<String>();
        if (file.child().childName() != null) {
            fields.add("childName");
        }
        if (file.child().dateOfBirth() != null) {
            fields.add("childDateOfBirth");
        }
        fields.addAll(file.child().sen2().fieldsHeld());
        if (file.state().decisions().stream().anyMatch(d -> file.decisionNote(d.decisionId()) != null)) {
            fields.add("refusalNote");
        }
        return fields;
    }

    private static void logIfHeld(ChildPersonalDetails child, String what, UUID caseId, Actor actor) {
        if (!child.isEmpty()) {
            LOG.infof("personal details of case %s %s by %s", caseId, what, actor);
        }
    }
}
