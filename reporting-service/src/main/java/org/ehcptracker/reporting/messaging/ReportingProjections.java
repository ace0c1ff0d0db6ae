package org.ehcptracker.reporting.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.kit.messaging.IdempotentConsumer;
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
public class ReportingProjections {

    /** Consumer name of the case_timeline projection (processed_event.consumer). */
    public static final String TIMELINE = "reporting-case-timeline";
    /** Consumer name of the case_progress projection (processed_event.consumer). */
    public static final String PROGRESS = "reporting-case-progress";

    private static final Logger LOG = Logger.getLogger(ReportingProjections.class);

    private final IdempotentConsumer consumer;
    private final CaseTimelineStore timeline;
    private final CaseProgressStore progress;

    public ReportingProjections(IdempotentConsumer consumer, CaseTimelineStore timeline, CaseProgressStore progress) {
        this.consumer = consumer;
        this.timeline = timeline;
        this.progress = progress;
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

    Uni<Void> project(EventSource topic, String json) {
        IntegrationEvent event = consumer.parse(TIMELINE, json);
        if (event == null) {
            return Uni.createFrom().voidItem(); // unreadable: logged by parse, skipped
        }
        if (EventSource.of(event) != topic) {
            LOG.warnf("%s %s arrived on the %s topic; recorded under its own source %s",
                    event.getClass().getSimpleName(), event.eventId(), topic.label(), EventSource.of(event).label());
        }
        Uni<Void> recorded = consumer.once(TIMELINE, event, tx -> timeline.record(tx, event, json));
        if (!CaseProgress.isAffectedBy(event)) {
            return recorded;
        }
        return recorded.chain(() -> consumer.once(PROGRESS, event, tx -> progress.apply(tx, event)));
    }
}
