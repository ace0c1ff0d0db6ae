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
}
