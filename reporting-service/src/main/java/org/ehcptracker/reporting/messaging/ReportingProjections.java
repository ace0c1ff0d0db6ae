package org.ehcptracker.reporting.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.kit.messaging.IdempotentConsumer;
import org.ehcptracker.kit.messaging.ParkedEventHandler;
import org.ehcptracker.reporting.app.BoardChanges;
import org.ehcptracker.reporting.domain.CaseProgress;
import org.ehcptracker.reporting.domain.EventSource;
import org.ehcptracker.reporting.persistence.CaseProgressStore;
import org.ehcptracker.reporting.persistence.CaseTimelineStore;
import org.jboss.logging.Logger;

/**
 * Feeds the read models from the three topics. Each projection is its own idempotent consumer
 * (its own processed_event rows, its own transaction), so one can be rebuilt without the other.
 */
@ApplicationScoped
public class ReportingProjections implements ParkedEventHandler {

    /** Consumer name of the case_timeline projection (processed_event.consumer). */
    public static final String TIMELINE = "reporting-case-timeline";
    /** Consumer name of the case_progress projection (processed_event.consumer). */
    public static final String PROGRESS = "reporting-case-progress";

    private static final Logger LOG = Logger.getLogger(ReportingProjections.class);
    private static final EventJson EVENTS = new EventJson();

    private final IdempotentConsumer consumer;
    private final CaseTimelineStore timeline;
    private final CaseProgressStore progress;
    private final BoardChanges changes;

    public ReportingProjections(IdempotentConsumer consumer, CaseTimelineStore timeline, CaseProgressStore progress,
                                BoardChanges changes) {
        this.consumer = consumer;
        this.timeline = timeline;
        this.progress = progress;
        this.changes = changes;
    }

    @Incoming("assessment-events")
    public Uni<Void> onAssessmentEvent(String json) {
        return project(EventSource.ASSESSMENT, json);
    }

    @Incoming("advice-events")
    public Uni<Void> onAdviceEvent(String json) {
        return project(EventSource.ADVICE, json);
    }

    @Incoming("plan-events")
    public Uni<Void> onPlanEvent(String json) {
        return project(EventSource.PLAN, json);
    }

    /**
     * The timeline takes every record (an unreadable one is parked in dead_letter under its name);
     * case_progress then takes the events that change it, each in its own transaction.
     */
    Uni<Void> project(EventSource topic, String json) {
        return consumer.consume(TIMELINE, json, (session, event) -> {
                    if (topic != null && EventSource.of(event) != topic) {
                        LOG.warnf("%s %s arrived on the %s topic; recorded under its own source %s",
                                event.getClass().getSimpleName(), event.eventId(), topic.label(),
                                EventSource.of(event).label());
                    }
                    return timeline.record(session, event, json);
                })
                .chain(() -> applyToProgress(json))
                .invoke(() -> announce(json));
    }

    /** Tells the live stream the event's council changed, once both projections have committed it. */
    private void announce(String json) {
        try {
            changes.projected(EVENTS.read(json));
        } catch (RuntimeException unreadable) {
            // already logged and parked by the timeline
        }
    }

    /**
     * Read again rather than handed over by the timeline's change: on a redelivery that change does
     * not run, yet case_progress may still lack the event. Only events that change case_progress get
     * a processed_event row under its name; an unreadable record was already logged and parked.
     */
    private Uni<Void> applyToProgress(String json) {
        IntegrationEvent event;
        try {
            event = EVENTS.read(json);
        } catch (RuntimeException unreadable) {
            return Uni.createFrom().voidItem();
        }
        if (!CaseProgress.isAffectedBy(event)) {
            return Uni.createFrom().voidItem();
        }
        return consumer.once(PROGRESS, event, session -> progress.apply(session, event));
    }

    @Override
    public java.util.Set<String> consumers() {
        return java.util.Set.of(TIMELINE, PROGRESS);
    }

    /**
     * An operator's replay of a parked record (consumer-kit's ParkedEvents): both projections take it again; the one
     * that has it already skips it. No topic: a replayed record came from the table, not from a topic.
     */
    @Override
    public Uni<Void> replay(String consumerName, String payload) {
        return project(null, payload);
    }
}
