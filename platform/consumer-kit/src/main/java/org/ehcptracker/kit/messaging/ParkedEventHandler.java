package org.ehcptracker.kit.messaging;

import io.smallrye.mutiny.Uni;
import java.util.Set;

/**
 * A Kafka consumer whose parked records an operator can replay ({@link ParkedEvents}): the consumer names it parks
 * under, and how it takes a record's value, the same way as when it arrived from Kafka. Implemented by each
 * service's consumer beans; most consume under one name ({@link OneConsumer}).
 */
public interface ParkedEventHandler {

    /** The names this bean consumes under (the {@code consumer} column of {@code dead_letter}). */
    Set<String> consumers();

    /** Takes the record value again, exactly as the {@code @Incoming} method does. */
    Uni<Void> replay(String consumer, String payload);

    /** A bean that consumes one topic under one name with its {@code @Incoming} method {@link #on(String)}. */
    interface OneConsumer extends ParkedEventHandler {

        /** The name it consumes under. */
        String consumerName();

        /** The {@code @Incoming} method. */
        Uni<Void> on(String json);

        @Override
        default Set<String> consumers() {
            return Set.of(consumerName());
        }

        @Override
        default Uni<Void> replay(String consumer, String payload) {
            return on(payload);
        }
    }
}
