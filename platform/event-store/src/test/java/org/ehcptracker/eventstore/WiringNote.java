package org.ehcptracker.eventstore;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A Hibernate Reactive entity of the wiring test: written in the same transaction as an append. */
@Entity
@Table(name = "wiring_note")
public class WiringNote extends PanacheEntityBase {

    @Id
    public UUID id;

    public String note;

    public static WiringNote of(UUID id, String note) {
        WiringNote n = new WiringNote();
        n.id = id;
        n.note = note;
        return n;
    }
}
