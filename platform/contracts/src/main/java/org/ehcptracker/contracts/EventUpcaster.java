package org.ehcptracker.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One step of an event type's schema history: turns the JSON of {@code type} at {@code fromVersion}
 * into the JSON of {@code fromVersion + 1}. Stored events are never rewritten; readers upcast them
 * as they read (see docs/contracts.md, "Versions").
 *
 * @param type        the event type name, e.g. "AssessmentDecided"
 * @param fromVersion the version this step reads
 * @param step        changes the tree in place or returns a new one; it need not touch "schemaVersion"
 */
public record EventUpcaster(String type, int fromVersion, UnaryOperator<ObjectNode> step) {

    public EventUpcaster {
        EventPreconditions.requireText(type, "type");
        Objects.requireNonNull(step, "step");
        if (fromVersion < 1) {
            throw new IllegalArgumentException("fromVersion must be >= 1, was " + fromVersion);
        }
    }
}
