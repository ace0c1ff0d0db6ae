package org.ehcptracker.reporting.messaging;

import io.smallrye.mutiny.Uni;
import java.util.List;

/** For tests outside this package: one batch of records applied as a consumer's poll would be, without Kafka. */
public final class DirectProjection {

    private DirectProjection() {
    }

    /** The records as one poll of no particular topic (each event's family decides), in one transaction. */
    public static Uni<Void> project(ReportingProjections projections, List<String> records) {
        return projections.project(null, records);
    }
}
