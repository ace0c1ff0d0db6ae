package org.ehcptracker.reporting.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.kit.messaging.DeadLetters;
import org.ehcptracker.kit.messaging.IdempotentConsumer;
import org.ehcptracker.kit.messaging.ParkedEventHandler;
import org.ehcptracker.kit.messaging.TransientFailure;
import org.ehcptracker.kit.persistence.Transactions;
import org.ehcptracker.reporting.app.BoardChanges;
import org.ehcptracker.reporting.domain.EventSource;
import org.ehcptracker.reporting.persistence.ProjectionBatchStore;
import org.jboss.logging.Logger;

/**
 * Feeds the read models from the three topics, a batch of records at a time (docs/reporting.md, "At national
 * scale"): each channel takes up to {@code max.poll.records} records per poll and applies the readable ones in ONE
 * transaction of set-based SQL ({@link ProjectionBatchStore}): the processed_event guard of case_progress,
 * case_timeline (its primary key is its own guard), case_progress and council_month_figure. A redelivered or
 * duplicated record changes nothing; the merge does not depend on arrival order.
 *
 * <p>An unreadable record is parked in dead_letter under {@link #TIMELINE} (consumer-kit's guard does it) and the
 * rest of the batch goes on. A batch that fails for a reason retrying cannot cure is applied again one event at a
 * time, so only the event that cannot be applied is parked; a transient failure (database down, deadlock) is
 * retried with back-off and the offsets are not committed until the batch is.
 */
@ApplicationScoped
public class ReportingProjections implements ParkedEventHandler {

    /**
     * Consumer name of the case_timeline projection: dead_letter.consumer of the records it parks (its idempotency
     * guard is case_timeline's primary key, decision 26; processed_event rows under this name are no longer written).
     */
    public static final String TIMELINE = "reporting-case-timeline";
    /** Consumer name of the case_progress projection, and of council_month_figure kept with it (processed_event.consumer). */
    public static final String PROGRESS = "reporting-case-progress";

    private static final Logger LOG = Logger.getLogger(ReportingProjections.class);
    private static final EventJson EVENTS = new EventJson();

    private final IdempotentConsumer consumer;
    private final ProjectionBatchStore batches;
    private final DeadLetters deadLetters;
    private final BoardChanges changes;
    private final MeterRegistry meters;

    /** Set when the service begins to stop: a failure from then on is the shutdown's, so nothing is parked. */
    private volatile boolean stopping;

    public ReportingProjections(IdempotentConsumer consumer, ProjectionBatchStore batches, DeadLetters deadLetters,
                                BoardChanges changes, MeterRegistry meters) {
        this.consumer = consumer;
        this.batches = batches;
        this.deadLetters = deadLetters;
        this.changes = changes;
        this.meters = meters;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Incoming("assessment-events")
    public Uni<Void> onAssessmentEvents(List<String> records) {
        return project(EventSource.ASSESSMENT, records);
    }

    @Incoming("advice-events")
    public Uni<Void> onAdviceEvents(List<String> records) {
        return project(EventSource.ADVICE, records);
    }

    @Incoming("plan-events")
    public Uni<Void> onPlanEvents(List<String> records) {
        return project(EventSource.PLAN, records);
    }

    /**
     * One batch: the unreadable records parked, the readable ones applied together, then the live stream told
     * (after the commit) which councils changed.
     *
     * @param topic where the records came from; null for a replay from dead_letter
     */
    Uni<Void> project(EventSource topic, List<String> records) {
        Map<IntegrationEvent, String> readable = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (String json : records) {
            IntegrationEvent event;
            try {
                event = EVENTS.read(json);
            } catch (RuntimeException e) {
                unreadable.add(json);
                continue;
            }
            if (topic != null && EventSource.of(event) != topic) {
                LOG.warnf("%s %s arrived on the %s topic; recorded under its own source %s",
                        event.getClass().getSimpleName(), event.eventId(), topic.label(), EventSource.of(event).label());
            }
            readable.put(event, json);
        }
        long started = System.nanoTime();
        return Multi.createFrom().iterable(unreadable)
                // consumer-kit's guard logs it and parks it under its event id (nothing to apply)
                .onItem().transformToUniAndConcatenate(json -> consumer.consume(TIMELINE, json,
                        (session, event) -> Uni.createFrom().voidItem()))
                .collect().last()
                .chain(() -> applyOrPark(readable))
                .invoke(() -> {
                    Timer.builder("ehcp.consumer.batch").tag("consumer", TIMELINE)
                            .register(meters).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    announce(readable.keySet());
                });
    }

    /**
     * Tells the live stream which councils changed, once the batch is committed: one tick per council (a transfer
     * ticks the sending council too, so each transfer is told), not one per event.
     */
    private void announce(java.util.Collection<IntegrationEvent> events) {
        java.util.Set<String> told = new java.util.HashSet<>();
        for (IntegrationEvent event : events) {
            if (event instanceof org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn
                    || told.add(event.localAuthorityCode())) {
                changes.projected(event);
            }
        }
    }

    /** The batch in one transaction; should it fail for good, each event on its own, parking only the bad one. */
    private Uni<Void> applyOrPark(Map<IntegrationEvent, String> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return retryWhileTransient(batches.apply(events, PROGRESS).replaceWithVoid())
                .onFailure(failure -> !stopping).recoverWithUni(lasting -> {
                    if (events.size() > 1) {
                        LOG.warnf("a batch of %d events could not be applied (%s); applying them one at a time",
                                events.size(), lasting.getMessage());
                        return Multi.createFrom().iterable(events.entrySet())
                                .onItem().transformToUniAndConcatenate(e -> applyOrPark(Map.of(e.getKey(), e.getValue())))
                                .collect().last().replaceWithVoid();
                    }
                    IntegrationEvent event = events.keySet().iterator().next();
                    LOG.errorf(lasting, "%s parks %s %s in dead_letter: %s", TIMELINE,
                            event.getClass().getSimpleName(), event.eventId(), lasting.getMessage());
                    return retryWhileTransient(Transactions.inTransaction(session -> deadLetters.park(session, TIMELINE,
                            event.eventId(), event.getClass().getSimpleName(), events.get(event), String.valueOf(lasting))));
                });
    }

    private Uni<Void> retryWhileTransient(Uni<Void> work) {
        return work
                .onFailure(TransientFailure::isTransient).invoke(e -> LOG.warnf("%s could not apply a batch yet: %s",
                        TIMELINE, e.getMessage()))
                // while stopping, a retry would only hold the shutdown up: the redelivery after the restart applies it
                .onFailure(e -> TransientFailure.isTransient(e) && !stopping).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }

    @Override
    public java.util.Set<String> consumers() {
        return java.util.Set.of(TIMELINE, PROGRESS);
    }

    /**
     * An operator's replay of a parked record (consumer-kit's ParkedEvents): a batch of one, through the same path;
     * each projection that has it already skips it. No topic: a replayed record came from the table, not a topic.
     */
    @Override
    public Uni<Void> replay(String consumerName, String payload) {
        return project(null, List.of(payload));
    }
}
