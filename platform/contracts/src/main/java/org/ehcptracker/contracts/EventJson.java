package org.ehcptracker.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.plan.PlanEvent;

/**
 * The one JSON mapping of published events, shared by every producer and consumer so they
 * cannot drift apart. Thread-safe; create one and reuse it.
 *
 * <p>Settings and why: dates as ISO-8601 strings ("2025-03-02", "2025-03-03T09:15:00Z"), readable
 * in Kafka tooling and free of time-zone guesses; unknown properties ignored, so a producer can
 * add a field without breaking older consumers; nulls written explicitly, so "absent" and
 * "not yet known by this producer version" are distinguishable and the example JSON shows every
 * field.
 */
public final class EventJson {

    /** The event families, one per topic; their {@code @JsonSubTypes} are the type catalogue. */
    public static final List<Class<? extends IntegrationEvent>> FAMILIES =
            List.of(AssessmentEvent.class, AdviceEvent.class, PlanEvent.class);

    private static final ObjectMapper TREE_READER = newObjectMapper();
    private static final Map<String, Class<? extends IntegrationEvent>> TYPES = typeCatalogue();

    private final ObjectMapper mapper;
    private final EventUpcasters upcasters;

    /** Reads through the published catalogue's upcasters ({@link EventUpcasters#PUBLISHED}). */
    public EventJson() {
        this(EventUpcasters.PUBLISHED);
    }

    /** Reads through the given upcasters (a test, or a tool that replays an older history). */
    public EventJson(EventUpcasters upcasters) {
        this.mapper = newObjectMapper();
        this.upcasters = Objects.requireNonNull(upcasters, "upcasters");
    }

    /** A new mapper with the event settings, e.g. for a framework that wants to own its mapper. */
    public static ObjectMapper newObjectMapper() {
        return configure(JsonMapper.builder().build());
    }

    /** Applies the event settings to an existing mapper (e.g. from a Quarkus ObjectMapperCustomizer). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // An explicit null for a primitive (canMeetNeeds, schemaVersion) is an error, not false/0.
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);
    }

    public String write(IntegrationEvent event) {
        Objects.requireNonNull(event, "event");
        try {
            // The runtime class carries the family's @JsonTypeInfo, so "type" is always written.
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new EventJsonException("cannot write " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads an event of any family, choosing the class by the "type" field, after bringing an older
     * schema version to the current one ({@link EventUpcasters}).
     *
     * @throws UnknownEventTypeException when the type is not in the catalogue
     * @throws EventJsonException when the JSON is malformed, of a newer version than this code, or invalid
     */
    public IntegrationEvent read(String json) {
        JsonNode tree = parse(json);
        String typeName = typeField(tree);
        Class<? extends IntegrationEvent> type = classOf(typeName);
        if (!(tree instanceof com.fasterxml.jackson.databind.node.ObjectNode object)) {
            throw new EventJsonException("event JSON is not an object");
        }
        try {
            return mapper.treeToValue(upcasters.upcast(typeName, object), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new EventJsonException("invalid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an event and checks it is a {@code type}: a concrete record, a family interface or
     * {@link IntegrationEvent} itself.
     */
    public <T extends IntegrationEvent> T read(String json, Class<T> type) {
        IntegrationEvent event = read(json);
        if (!type.isInstance(event)) {
            throw new EventJsonException("expected " + type.getSimpleName() + " but the JSON is a "
                    + event.getClass().getSimpleName());
        }
        return type.cast(event);
    }

    /** The "type" field of an event's JSON, without reading the rest. */
    public static String typeOf(String json) {
        return typeField(parse(json));
    }

    /** Every published type name, across all families. */
    public static Set<String> knownTypes() {
        return TYPES.keySet();
    }

    public static boolean isKnownType(String type) {
        return TYPES.containsKey(type);
    }

    /** The record class for a type name. */
    public static Class<? extends IntegrationEvent> classOf(String type) {
        Class<? extends IntegrationEvent> found = TYPES.get(type);
        if (found == null) {
            throw new UnknownEventTypeException(type);
        }
        return found;
    }

    private static JsonNode parse(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return TREE_READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EventJsonException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String typeField(JsonNode tree) {
        JsonNode type = tree == null ? null : tree.get("type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw new EventJsonException("event JSON has no \"type\" field");
        }
        return type.asText();
    }

    private static Map<String, Class<? extends IntegrationEvent>> typeCatalogue() {
        Map<String, Class<? extends IntegrationEvent>> types = new LinkedHashMap<>();
        for (Class<? extends IntegrationEvent> family : FAMILIES) {
            for (JsonSubTypes.Type subtype : family.getAnnotation(JsonSubTypes.class).value()) {
                Class<? extends IntegrationEvent> previous =
                        types.put(subtype.name(), subtype.value().asSubclass(IntegrationEvent.class));
                // Type names are global: read(String) dispatches across topics on the name alone.
                if (previous != null) {
                    throw new IllegalStateException("duplicate event type name " + subtype.name());
                }
            }
        }
        return Collections.unmodifiableMap(types);
    }
}
