package org.ehcptracker.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Every {@link EventUpcaster} the readers know, and each type's current version. {@link EventJson}
 * passes every event it reads through {@link #upcast}: JSON of an older version is brought to the
 * version this code writes, step by step; JSON of a newer version is refused (the consumer parks it
 * until it is upgraded), never half-read.
 */
public final class EventUpcasters {

    /**
     * The upcasters of the published catalogue. Empty while every type is at version 1: the first
     * change to a published type adds its step here, with its example JSON test.
     */
    public static final EventUpcasters PUBLISHED = new EventUpcasters(List.of(), EventUpcasters::schemaVersionOf);

    private final Map<String, EventUpcaster> steps = new HashMap<>();
    private final ToIntFunction<String> currentVersion;

    /**
     * @param upcasters      one step per (type, fromVersion)
     * @param currentVersion the version this code writes, per type name
     */
    public EventUpcasters(List<EventUpcaster> upcasters, ToIntFunction<String> currentVersion) {
        this.currentVersion = Objects.requireNonNull(currentVersion, "currentVersion");
        for (EventUpcaster u : upcasters) {
            if (steps.put(key(u.type(), u.fromVersion()), u) != null) {
                throw new IllegalArgumentException("two upcasters for " + u.type() + " v" + u.fromVersion());
            }
        }
    }

    /** The {@code SCHEMA_VERSION} constant of the type's record: the version this code writes. */
    public static int schemaVersionOf(String type) {
        Class<? extends IntegrationEvent> record = EventJson.classOf(type);
        try {
            return record.getField("SCHEMA_VERSION").getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record.getSimpleName() + " declares no public static int SCHEMA_VERSION", e);
        }
    }

    /** The version of {@code type} this code reads into its record. */
    public int currentVersion(String type) {
        return currentVersion.applyAsInt(type);
    }

    /**
     * Brings {@code json} (of event type {@code type}) to the current version.
     *
     * @throws EventJsonException when the version is missing, newer than this code, or a step is missing
     */
    public ObjectNode upcast(String type, ObjectNode json) {
        JsonNode v = json.get("schemaVersion");
        if (v == null || !v.isInt() || v.intValue() < 1) {
            throw new EventJsonException(type + " has no schemaVersion (a whole number from 1)");
        }
        int version = v.intValue();
        int current = currentVersion(type);
        if (version > current) {
            throw new EventJsonException(type + " v" + version + " is newer than this reader (v" + current
                    + "): upgrade the consumer, then replay");
        }
        ObjectNode tree = json;
        while (version < current) {
            EventUpcaster step = steps.get(key(type, version));
            if (step == null) {
                throw new EventJsonException("no upcaster for " + type + " v" + version + " to v" + (version + 1));
            }
            tree = step.step().apply(tree);
            version++;
            tree.put("schemaVersion", version);
        }
        return tree;
    }

    private static String key(String type, int version) {
        return type + "@" + version;
    }
}
