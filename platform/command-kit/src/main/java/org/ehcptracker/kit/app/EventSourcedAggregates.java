package org.ehcptracker.kit.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.All;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.eventstore.ConcurrencyConflict;
import org.ehcptracker.eventstore.EventStore;
import org.ehcptracker.eventstore.NewEvent;
import org.ehcptracker.eventstore.StoredEvent;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.AggregateType;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.Decision;
import org.ehcptracker.kit.domain.DecisionContext;
import org.ehcptracker.kit.domain.EventIds;
import org.ehcptracker.kit.persistence.Transactions;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * How every command is carried out, for every aggregate: in one Hibernate Reactive transaction, load
 * the stream, rebuild the state with the aggregate's pure {@code evolve}, let the pure {@code decide}
 * answer with the council's today and now and fresh event ids, append what it decided at the version
 * it read, run the {@link InlineProjection}s, and then the caller's own writes ({@link AfterAppend}).
 * A concurrent writer makes the append fail with {@code ConcurrencyConflict} (HTTP 409), so nothing
 * is half-written. Each application service ({@code AssessmentCases}, {@code AdviceRequests},
 * {@code Plans}) is a thin layer over this.
 */
@ApplicationScoped
public class EventSourcedAggregates {

    private static final EventJson JSON = new EventJson();
    private static final ObjectMapper METADATA = EventJson.newObjectMapper();

    private final EventStore store;
    private final Clock clock;
    private final List<InlineProjection> projections;
    private final MeterRegistry meters;

    public EventSourcedAggregates(EventStore store, Clock clock, @All List<InlineProjection> projections, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.projections = List.copyOf(projections);
        this.meters = meters;
    }

    /** Writes the service's own rows after the append, in its transaction (e.g. erasable personal details). */
    @FunctionalInterface
    public interface AfterAppend<S, E> {
        Uni<Void> apply(Mutiny.Session session, Handled<S, E> handled);

        static <S, E> AfterAppend<S, E> nothing() {
            return (session, handled) -> Uni.createFrom().voidItem();
        }
    }

    /** Carries out one command on the stream; see the class comment. */
    public <S, E extends IntegrationEvent> Uni<Handled<S, E>> handle(AggregateType<S, E> type, UUID streamId, Actor actor,
                                                                     Decision<S, E> decision) {
        return handle(type, streamId, actor, decision, AfterAppend.nothing());
    }

    /** As {@link #handle(AggregateType, UUID, Actor, Decision)}, then {@code after} in the same transaction. */
    public <S, E extends IntegrationEvent> Uni<Handled<S, E>> handle(AggregateType<S, E> type, UUID streamId, Actor actor,
                                                                     Decision<S, E> decision, AfterAppend<S, E> after) {
        return inTransaction(session -> handle(session, type, streamId, actor, decision, after));
    }

    /**
     * As {@link #handle(AggregateType, UUID, Actor, Decision, AfterAppend)} inside a transaction the caller
     * opened with {@link #inTransaction}, e.g. to read a local view in the same session before deciding.
     */
    public <S, E extends IntegrationEvent> Uni<Handled<S, E>> handle(Mutiny.Session session, AggregateType<S, E> type,
                                                                     UUID streamId, Actor actor, Decision<S, E> decision,
                                                                     AfterAppend<S, E> after) {
        DecisionContext context = new DecisionContext(LocalDate.now(clock), clock.instant(), EventIds.timeOrdered(clock));
        return decideAndAppend(session, type, streamId, actor, decision, after, context)
                .onItemOrFailure().invoke((handled, failure) -> count(type, handled, failure));
    }

    /**
     * {@code ehcp.commands} by aggregate and outcome: accepted (events appended), unchanged (a repeat that
     * decided nothing), rejected_{kind} (the domain refused it), conflict (a concurrent update won), refused_scope (the
     * caller does not act for the case's council or agency), failed.
     */
    private void count(AggregateType<?, ?> type, Handled<?, ?> handled, Throwable failure) {
        String outcome;
        if (failure == null) {
            outcome = handled.events().isEmpty() ? "unchanged" : "accepted";
        } else if (failure instanceof CommandRejected rejected) {
            outcome = "rejected_" + rejected.kind().name().toLowerCase(java.util.Locale.ROOT);
        } else if (failure instanceof ConcurrencyConflict) {
            outcome = "conflict";
        } else if (failure instanceof org.ehcptracker.kit.domain.AccessDenied) {
            outcome = "refused_scope"; // a caller outside the case's council or agency: 403, not a fault

        } else {
            outcome = "failed";
        }
        meters.counter("ehcp.commands", "aggregate", type.name(), "outcome", outcome).increment();
    }

    private <S, E extends IntegrationEvent> Uni<Handled<S, E>> decideAndAppend(Mutiny.Session session, AggregateType<S, E> type,
            UUID streamId, Actor actor, Decision<S, E> decision, AfterAppend<S, E> after, DecisionContext context) {
        return store.load(session, streamId).chain(stored -> {
            List<E> past = decode(stored, type.family());
            S before = type.rebuild(past);
            List<E> decided = List.copyOf(decision.decide(before, context));
            Handled<S, E> handled = new Handled<>(type.evolve(before, decided), decided, past.size() + decided.size());
            if (decided.isEmpty()) {
                return Uni.createFrom().item(handled);
            }
            return store.append(session, streamId, past.size(), toAppend(decided, actor))
                    .chain(() -> project(session, decided))
                    .chain(() -> after.apply(session, handled))
                    .replaceWith(handled);
        });
    }

    /** The aggregate's current state; NOT_FOUND (404) when the stream has no events. */
    public <S, E extends IntegrationEvent> Uni<S> load(AggregateType<S, E> type, UUID streamId) {
        return Transactions.inSession(session -> store.load(session, streamId)).map(stored -> {
            if (stored.isEmpty()) {
                throw CommandRejected.notFound("no " + type.name() + " " + streamId);
            }
            return type.rebuild(decode(stored, type.family()));
        });
    }

    /** One transaction, for a caller that reads a view in the same session before {@code handle}. */
    public <T> Uni<T> inTransaction(java.util.function.Function<Mutiny.Session, Uni<T>> work) {
        return Transactions.inTransaction(work);
    }

    private Uni<Void> project(Mutiny.Session session, List<? extends IntegrationEvent> events) {
        return InlineProjection.oneAfterAnother(projections, projection -> projection.apply(session, events));
    }

    private static List<NewEvent> toAppend(List<? extends IntegrationEvent> events, Actor actor) {
        String metadata = metadata(actor);
        return events.stream()
                .map(e -> new NewEvent(e.eventId(), e.caseId(), e.getClass().getSimpleName(), e.schemaVersion(),
                        JSON.write(e), metadata, e.occurredAt()))
                .toList();
    }

    /**
     * The actor, and the W3C {@code traceparent} of the command's span when it is traced: the relay copies it into
     * the Kafka record's headers, so each consumer continues the command's trace. Ids only, never free text.
     */
    static String metadata(Actor actor) {
        SpanContext span = Span.current().getSpanContext();
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        metadata.put("actor", actor.toString());
        if (span.isValid()) {
            metadata.put("traceparent", "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex());
        }
        try {
            return METADATA.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <E extends IntegrationEvent> List<E> decode(List<StoredEvent> stored, Class<E> family) {
        return stored.stream().map(s -> JSON.read(s.payloadJson(), family)).toList();
    }
}
