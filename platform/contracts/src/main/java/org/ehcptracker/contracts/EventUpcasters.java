package org.ehcptracker.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;
import org.ehcptracker.contracts.advice.AdviceCancellationReason;
import org.ehcptracker.contracts.advice.AdviceReworkReason;

/**
 * Every {@link EventUpcaster} the readers know, and each type's current version. {@link EventJson}
 * passes every event it reads through {@link #upcast}: JSON of an older version is brought to the
 * version this code writes, step by step; JSON of a newer version is refused (the consumer parks it
 * until it is upgraded), never half-read.
 */
public final class EventUpcasters {

    /**
     * AssessmentDecided v1 to v2: the free-text {@code refusalReason} becomes the code {@code OTHER}.
     * The text is dropped, not kept anywhere: it may hold a name typed by mistake. Null stays null
     * (ASSESS); a v1 REFUSE without a reason (v1 allowed it, no producer wrote one) also becomes
     * {@code OTHER}, since v2 requires a reason for every refusal.
     */
    public static final EventUpcaster ASSESSMENT_DECIDED_REASON_AS_CODE = new EventUpcaster("AssessmentDecided", 1, json -> {
        JsonNode reason = json.get("refusalReason");
        JsonNode decision = json.get("decision");
        boolean refused = decision != null && "REFUSE".equals(decision.asText());
        if ((reason != null && !reason.isNull()) || refused) {
            json.put("refusalReason", "OTHER");
        } else {
            json.putNull("refusalReason");
        }
        return json;
    });

    /**
     * AssessmentRequested v1 to v2: {@code requestKind} is added; every v1 request was an initial one
     * (re-assessments could not be recorded before v2), so it becomes {@code INITIAL}.
     */
    public static final EventUpcaster ASSESSMENT_REQUESTED_KIND = new EventUpcaster("AssessmentRequested", 1, json -> {
        json.put("requestKind", "INITIAL");
        return json;
    });

    /**
     * AssessmentRequested v2 to v3: {@code yearGroup} is added; no v2 request recorded one, so it is null
     * (unknown: readers apply no rule that depends on the year group).
     */
    public static final EventUpcaster ASSESSMENT_REQUESTED_YEAR_GROUP = new EventUpcaster("AssessmentRequested", 2, json -> {
        json.putNull("yearGroup");
        return json;
    });

    /**
     * AdviceRequestCancelled v1 to v2: the free-text {@code reason} becomes an {@link AdviceCancellationReason}.
     * A v1 text that is exactly a code's name (advice-service wrote CASE_REFUSED_ASSESSMENT, CASE_WITHDRAWN and
     * CASE_CONCLUDED_WITHOUT_PLAN itself) stays that code; any other text, or none, becomes {@code OTHER} and is
     * dropped, not kept anywhere: a caseworker typed it and it may hold a name.
     */
    public static final EventUpcaster ADVICE_REQUEST_CANCELLED_REASON_AS_CODE = new EventUpcaster("AdviceRequestCancelled", 1,
            json -> reasonAsCode(json, AdviceCancellationReason.values(), AdviceCancellationReason.OTHER));

    /**
     * AdviceReturnedForRework v1 to v2: the string {@code reason} becomes an {@link AdviceReworkReason}. advice-service
     * only ever wrote a code's name there, which stays that code; anything else becomes {@code OTHER}, the text dropped.
     */
    public static final EventUpcaster ADVICE_RETURNED_FOR_REWORK_REASON_AS_CODE = new EventUpcaster("AdviceReturnedForRework", 1,
            json -> reasonAsCode(json, AdviceReworkReason.values(), AdviceReworkReason.OTHER));

    /** Keeps a {@code reason} that is exactly a code's name; puts {@code other} for any other text, or none. */
    private static ObjectNode reasonAsCode(ObjectNode json, Enum<?>[] codes, Enum<?> other) {
        JsonNode reason = json.get("reason");
        String text = reason == null || !reason.isTextual() ? "" : reason.asText();
        boolean isCode = Arrays.stream(codes).anyMatch(c -> c.name().equals(text));
        json.put("reason", isCode ? text : other.name());
        return json;
    }

    /**
     * The upcasters of the published catalogue, one step per (type, version) since the type's first
     * version; each with its example JSON test (EventUpcastersTest).
     */
    public static final EventUpcasters PUBLISHED = new EventUpcasters(
            List.of(ASSESSMENT_DECIDED_REASON_AS_CODE, ASSESSMENT_REQUESTED_KIND, ASSESSMENT_REQUESTED_YEAR_GROUP,
                    ADVICE_REQUEST_CANCELLED_REASON_AS_CODE,
                    ADVICE_RETURNED_FOR_REWORK_REASON_AS_CODE), EventUpcasters::schemaVersionOf);

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
