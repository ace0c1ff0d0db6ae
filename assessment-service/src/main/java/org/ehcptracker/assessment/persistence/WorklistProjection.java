package org.ehcptracker.assessment.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.assessment.domain.CaseStatus;
import org.ehcptracker.assessment.domain.NextStatutoryStep;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.MediationOrTribunalRecorded;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;
import org.ehcptracker.kit.app.InlineProjection;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Keeps {@code worklist_entry} and {@code worklist_exception} in step with the case's events inside the
 * transaction that appends them ({@code EventSourcedAggregates} runs every {@code InlineProjection}), so the
 * worklist is never behind the event store. It reads the published assessment events
 * {@code AssessmentRequested}, {@code AssessmentDecided}, {@code AssessmentConcluded}, {@code RequestWithdrawn},
 * {@code ExceptionRecorded}, {@code ResponsibilityTransferredIn} and {@code MediationOrTribunalRecorded}; it
 * ignores every other type. After each batch it recomputes the case's next step and due date
 * ({@link NextStatutoryStep}) and the open exceptions on that step's limit.
 *
 * <p>plan-service's {@code FinalPlanIssued} reaches the row through {@link #finalPlanIssued}, called by
 * {@code messaging/PlanEventsConsumer} in its transaction: the row keeps the issue date and has no next step from
 * then on (one rule, {@link NextStatutoryStep}, for both writers).
 *
 * <p>A case whose events were stored before this table existed has no row: the first new event of such a case
 * rebuilds its row from the whole stream (which already holds the new events), read in the same transaction.
 */
@ApplicationScoped
public class WorklistProjection implements InlineProjection {

    private static final Logger LOG = Logger.getLogger(WorklistProjection.class);
    private static final EventJson JSON = new EventJson();

    private final org.ehcptracker.eventstore.EventStore store;

    public WorklistProjection(org.ehcptracker.eventstore.EventStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "worklist";
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, List<? extends IntegrationEvent> events) {
        Map<UUID, List<AssessmentEvent>> byCase = new LinkedHashMap<>();
        for (IntegrationEvent event : events) {
            if (event instanceof AssessmentEvent e && isKept(e)) {
                byCase.computeIfAbsent(e.caseId(), id -> new ArrayList<>()).add(e);
            }
        }
        return InlineProjection.oneAfterAnother(byCase.entrySet(), c -> applyToCase(session, c.getKey(), c.getValue()));
    }

    private static boolean isKept(AssessmentEvent e) {
        return e instanceof AssessmentRequested || e instanceof AssessmentDecided || e instanceof AssessmentConcluded
                || e instanceof RequestWithdrawn || e instanceof ExceptionRecorded
                || e instanceof org.ehcptracker.contracts.assessment.ExceptionCorrected
                || e instanceof org.ehcptracker.contracts.assessment.ExceptionWithdrawn
                || e instanceof ResponsibilityTransferredIn || e instanceof MediationOrTribunalRecorded;
    }

    /**
     * The final plan of the case was issued (plan-service's {@code FinalPlanIssued}): the row, locked, keeps the
     * issue date and its next step is recomputed (none). A case with no row here (never requested in this service,
     * or stored before V3) is left alone: its row, when built, takes the date from {@link FinalPlanIssuedView}.
     */
    public static Uni<Void> finalPlanIssued(Mutiny.Session session, UUID caseId, java.time.LocalDate issuedDate) {
        return WorklistEntry.lockedById(caseId).chain(row -> {
            if (row == null) {
                LOG.warnf("worklist: case %s has no row to take its final plan issued on %s", caseId, issuedDate);
                return Uni.createFrom().voidItem();
            }
            row.finalPlanIssuedDate = issuedDate;
            return refresh(session, row);
        });
    }

    private Uni<Void> applyToCase(Mutiny.Session session, UUID caseId, List<AssessmentEvent> events) {
        if (events.get(0) instanceof AssessmentRequested) {
            return applyAll(session, null, events);
        }
        return WorklistEntry.lockedById(caseId).chain(row -> row != null
                ? applyAll(session, row, events)
                : rebuild(session, caseId));
    }

    /** Applies the events in order to the row (null before the case's request) and recomputes its next step. */
    private static Uni<Void> applyAll(Mutiny.Session session, WorklistEntry start, List<AssessmentEvent> events) {
        return applyAll(session, start, events, null);
    }

    /** As above; a rebuilt row also takes the final plan's issue date ({@code planIssued}, null: not issued). */
    private static Uni<Void> applyAll(Mutiny.Session session, WorklistEntry start, List<AssessmentEvent> events,
                                      java.time.LocalDate planIssued) {
        WorklistEntry[] row = {start};
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (AssessmentEvent event : events) {
            chain = chain.chain(() -> applyOne(row[0], event).invoke(next -> row[0] = next).replaceWithVoid());
        }
        return chain.chain(() -> {
            if (row[0] == null) {
                return Uni.createFrom().voidItem();
            }
            if (planIssued != null) {
                row[0].finalPlanIssuedDate = planIssued;
            }
            return refresh(session, row[0]);
        });
    }

    /** The row after one event; a new row (persisted) for the request. */
    private static Uni<WorklistEntry> applyOne(WorklistEntry row, AssessmentEvent event) {
        if (event instanceof AssessmentRequested e) {
            if (row != null) {
                throw new IllegalStateException("case " + e.caseId() + " has a second AssessmentRequested");
            }
            WorklistEntry created = new WorklistEntry();
            created.caseId = e.caseId();
            created.localAuthorityCode = e.localAuthorityCode();
            created.childRef = e.childRef();
            created.requestKind = e.requestKind();
            created.status = CaseStatus.REQUESTED;
            created.receivedDate = e.businessDate();
            created.clockStart = e.businessDate();
            return created.persist().replaceWith(created);
        }
        if (row == null) {
            LOG.warnf("worklist: case %s has %s before its AssessmentRequested; not listed", event.caseId(),
                    event.getClass().getSimpleName());
            return Uni.createFrom().nullItem();
        }
        if (event instanceof AssessmentDecided e) {
            row.decision = e.decision();
            row.decisionDate = e.businessDate();
            row.status = e.decision() == AssessmentDecision.ASSESS ? CaseStatus.ASSESSING : CaseStatus.REFUSED;
        } else if (event instanceof AssessmentConcluded e) {
            row.outcome = e.outcome();
            row.conclusionDate = e.businessDate();
            row.status = e.outcome() == AssessmentOutcome.NO_PLAN ? CaseStatus.CONCLUDED_NO_PLAN : CaseStatus.CONCLUDED_ISSUE_PLAN;
        } else if (event instanceof RequestWithdrawn e) {
            row.withdrawnDate = e.businessDate();
            row.status = CaseStatus.WITHDRAWN;
        } else if (event instanceof ResponsibilityTransferredIn e) {
            // the statutory clock restarts on the day this council became responsible
            row.clockStart = e.businessDate();
            row.transferredFromLocalAuthority = e.fromLocalAuthorityCode();
            row.localAuthorityCode = e.localAuthorityCode();
        } else if (event instanceof MediationOrTribunalRecorded e) {
            row.disputeKind = e.kind();
            row.disputeRegisteredDate = e.businessDate();
        } else if (event instanceof ExceptionRecorded e) {
            WorklistException exception = new WorklistException();
            exception.exceptionId = e.exceptionId();
            exception.caseId = e.caseId();
            exception.statutoryLimit = e.limit();
            exception.reason = e.reason();
            exception.startDate = e.startDate();
            exception.endDate = e.endDate();
            return exception.persist().replaceWith(row);
        } else if (event instanceof org.ehcptracker.contracts.assessment.ExceptionCorrected e) {
            return WorklistException.<WorklistException>findById(e.exceptionId())
                    .invoke(exception -> exception.endDate = e.endDate())
                    .replaceWith(row);
        } else if (event instanceof org.ehcptracker.contracts.assessment.ExceptionWithdrawn e) {
            // recorded in error: it never applied
            return WorklistException.deleteById(e.exceptionId()).replaceWith(row);
        }
        return Uni.createFrom().item(row);
    }

    /** The next step and due date from the row's status and clock start, and the open exceptions on its limit. */
    private static Uni<Void> refresh(Mutiny.Session session, WorklistEntry row) {
        NextStatutoryStep next = NextStatutoryStep.after(row.requestKind, row.status, row.clockStart, row.finalPlanIssuedDate, 0);
        row.nextStep = next.step();
        row.nextStepDue = next.due();
        if (next.step() == null) {
            row.openExceptions = 0;
            return Uni.createFrom().voidItem();
        }
        // the exceptions persisted above must be in the table before they are counted
        return session.flush()
                .chain(() -> WorklistException.openOn(row.caseId, next.step().limit()))
                .invoke(open -> row.openExceptions = open.intValue())
                .replaceWithVoid();
    }

    /** Builds a missing row from the case's whole stream as stored (the new events included). */
    private Uni<Void> rebuild(Mutiny.Session session, UUID caseId) {
        return store.load(session, caseId)
                .chain(stored -> {
                    List<AssessmentEvent> stream = stored.stream()
                            .map(event -> JSON.read(event.payloadJson(), AssessmentEvent.class))
                            .filter(WorklistProjection::isKept)
                            .toList();
                    if (stream.isEmpty() || !(stream.get(0) instanceof AssessmentRequested)) {
                        LOG.warnf("worklist: the stream of case %s does not start with AssessmentRequested; not listed", caseId);
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("worklist: row of case %s rebuilt from its %d events", caseId, stream.size());
                    // the final plan's issue date is not in the stream: it comes from plan-service's view
                    return FinalPlanIssuedView.<FinalPlanIssuedView>findById(caseId).chain(plan -> applyAll(session, null,
                            stream, plan == null ? null : plan.issuedDate));
                });
    }
}
