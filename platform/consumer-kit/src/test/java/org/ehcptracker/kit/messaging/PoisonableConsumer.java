package org.ehcptracker.kit.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * A test consumer that counts events per case ({@link DemoCounter}) and fails for good while {@link #broken}: the
 * poison record, then the fix.
 */
@ApplicationScoped
public class PoisonableConsumer implements ParkedEventHandler {

    static final String NAME = "poisonable";
    static volatile boolean broken;

    private final IdempotentConsumer consumer;

    public PoisonableConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    /** As an {@code @Incoming} method would. */
    Uni<Void> on(String json) {
        return consumer.consume(NAME, json, (session, event) -> {
            if (broken) {
                return Uni.createFrom().failure(new IllegalArgumentException("a value this version cannot store"));
            }
            return DemoCounter.<DemoCounter>findById(event.caseId()).chain(c -> {
                if (c == null) {
                    DemoCounter n = new DemoCounter();
                    n.caseId = event.caseId();
                    n.events = 1;
                    return n.persist().replaceWithVoid();
                }
                c.events++;
                return Uni.createFrom().voidItem();
            });
        });
    }

    @Override
    public Set<String> consumers() {
        return Set.of(NAME);
    }

    @Override
    public Uni<Void> replay(String consumerName, String payload) {
        return on(payload);
    }
}
