package org.ehcptracker.kit.messaging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A demo read model: events counted per case, once per event id. */
@Entity
@Table(name = "demo_counter")
public class DemoCounter extends PanacheEntityBase {

    @Id
    @jakarta.persistence.Column(name = "case_id")
    public UUID caseId;

    public int events;

    /** One more event for the case (the first makes the row). */
    static io.smallrye.mutiny.Uni<Void> countOne(UUID caseId) {
        return DemoCounter.<DemoCounter>findById(caseId).chain(c -> {
            if (c == null) {
                DemoCounter n = new DemoCounter();
                n.caseId = caseId;
                n.events = 1;
                return n.persist().replaceWithVoid();
            }
            c.events++;
            return io.smallrye.mutiny.Uni.createFrom().voidItem();
        });
    }
}
