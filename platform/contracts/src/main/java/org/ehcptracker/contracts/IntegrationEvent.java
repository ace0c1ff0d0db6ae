package org.ehcptracker.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An event one service publishes for the others. Published events are a stable, versioned
 * contract, separate from each service's stored domain events, and carry no names, addresses
 * or dates of birth: a child appears only by a pseudonymous reference.
 */
public interface IntegrationEvent {

    /** Unique per published event; consumers use it for idempotency. */
    UUID eventId();

    /** The EHCP case; also the Kafka record key, so one case's events stay in order. */
    UUID caseId();

    /** DfE three-digit local authority code, e.g. "839" for BCP. */
    String localAuthorityCode();

    /**
     * The date the fact happened in the real world (a caseworker may record it later), which
     * is what statutory clocks count from; never derived from {@link #occurredAt()}.
     */
    LocalDate businessDate();

    /** When the producing service recorded the event. */
    Instant occurredAt();

    /** Version of this event type's schema; see docs/contracts.md for the policy. */
    int schemaVersion();
}
