package org.ehcptracker.kit.app;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;
import org.ehcptracker.contracts.IntegrationEvent;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A table the service keeps in step with its own events inside the append's transaction (e.g. the
 * list of advice requests an agency can query). Declare one as an {@code @ApplicationScoped} bean:
 * {@link EventSourcedAggregates} runs every projection on every batch of new events, after the append
 * and before the commit, so the events and the table never disagree.
 */
public interface InlineProjection {

    /** For logs and docs, e.g. "advice-request-view". */
    String name();

    /** Applies the new events (in order) with the append's session; ignore the events it does not keep. */
    Uni<Void> apply(Mutiny.Session session, List<? extends IntegrationEvent> events);

    /**
     * Runs {@code step} for each item in turn, each once the previous one's Uni has completed: a Hibernate Reactive
     * session takes one operation at a time, and events must be applied in order.
     */
    static <T> Uni<Void> oneAfterAnother(Iterable<? extends T> items, Function<? super T, Uni<Void>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> step.apply(item));
        }
        return chain;
    }
}
