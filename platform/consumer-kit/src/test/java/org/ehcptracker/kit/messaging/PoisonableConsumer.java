package org.ehcptracker.kit.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A test consumer that counts events per case ({@link DemoCounter}) and fails for good while {@link #broken}: the
 * poison record, then the fix.
 */
@ApplicationScoped
public class PoisonableConsumer implements ParkedEventHandler.OneConsumer {

    static final String NAME = "poisonable";
    static volatile boolean broken;

    private final IdempotentConsumer consumer;

    public PoisonableConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    /** As an {@code @Incoming} method would. */
    @Override
    public Uni<Void> on(String json) {
        return consumer.consume(NAME, json, (session, event) -> {
            if (broken) {
                return Uni.createFrom().failure(new IllegalArgumentException("a value this version cannot store"));
            }
            return DemoCounter.countOne(event.caseId());
        });
    }

    @Override
    public String consumerName() {
        return NAME;
    }
}
