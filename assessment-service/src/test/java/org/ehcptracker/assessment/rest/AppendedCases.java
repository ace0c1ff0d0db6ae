package org.ehcptracker.assessment.rest;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.kit.app.InlineProjection;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A witness for tests: EventSourcedAggregates runs every inline projection right after a successful append,
 * inside its transaction, so a case seen here had its events appended, whether or not they were then committed.
 */
@ApplicationScoped
public class AppendedCases implements InlineProjection {

    private static final Set<UUID> SEEN = ConcurrentHashMap.newKeySet();

    static boolean appendedFor(UUID caseId) {
        return SEEN.contains(caseId);
    }

    @Override
    public String name() {
        return "test-appended-cases";
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, List<? extends IntegrationEvent> events) {
        events.forEach(e -> SEEN.add(e.caseId()));
        return Uni.createFrom().voidItem();
    }
}
