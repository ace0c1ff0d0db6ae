package org.ehcptracker.kit.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.regex.Pattern;

/**
 * Request bodies are read strictly, with Jackson's own features, so that a value typed by mistake is a 400
 * naming its field (ProblemResponses) instead of being read as something else:
 * <ul>
 *   <li>an enum is its constant's name, never its position ({@code "refusalReason": 0} is not the first code);</li>
 *   <li>a key given twice is refused (no "last one wins"), and so is anything after the body's closing brace;</li>
 *   <li>text is a JSON string: a number or boolean is not turned into text, nor a string or a number into a
 *       boolean, nor a string or a fraction into a whole number;</li>
 *   <li>a date ({@code java.time}) is an ISO string only: Jackson would otherwise read {@code 20000} as day 20000
 *       after 1970 and {@code [2025,3,3]} as a date; a {@code LocalDate} is exactly {@code yyyy-mm-dd} (not a
 *       date-time cut to its day, not a year beyond 9999);</li>
 *   <li>an empty string is not a missing value: {@code "caseId": ""} is refused, not read as null;</li>
 *   <li>text holding a lone surrogate (half a character, e.g. {@code "\ud800"}) or a NUL is refused: neither can
 *       be stored in PostgreSQL's text, so it would otherwise fail later as a 500 or be half-written.</li>
 * </ul>
 * Unknown properties stay allowed (Quarkus's default; the project never rejected them).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        // "" is not "no value": an empty id, code or date is refused instead of read as null (a new random case id)
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("ehcp-strict-json").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class) {
                    return new WholeCharactersOnly(deserializer);
                }
                if (Temporal.class.isAssignableFrom(type)) {
                    return new IsoStringOnly<>(type, deserializer);
                }
                return deserializer;
            }
        }));
    }

    /** A java.time value from a JSON string only; the ISO parsing itself stays the JavaTimeModule's. */
    static final class IsoStringOnly<T> extends StdScalarDeserializer<T> {

        private static final Pattern PLAIN_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        private final JsonDeserializer<?> iso;

        @SuppressWarnings("unchecked")
        IsoStringOnly(Class<?> type, JsonDeserializer<?> iso) {
            super((Class<T>) type);
            this.iso = iso;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            if (handledType() == LocalDate.class && !PLAIN_DATE.matcher(p.getText()).matches()) {
                // Jackson would read "2025-03-03T23:30:00Z" as the 3rd, and "+999999999-12-31" as a date
                return (T) ctxt.handleWeirdStringValue(LocalDate.class, p.getText(), "expected a date as yyyy-mm-dd");
            }
            return (T) iso.deserialize(p, ctxt);
        }
    }

    /** Text as Jackson reads it, refused when it holds a NUL or half of a surrogate pair. */
    static final class WholeCharactersOnly extends StdScalarDeserializer<String> {

        private final JsonDeserializer<?> text;

        WholeCharactersOnly(JsonDeserializer<?> text) {
            super(String.class);
            this.text = text;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = (String) text.deserialize(p, ctxt);
            String flaw = flaw(s);
            if (flaw != null) {
                // the value itself is left out of the error: it may be personal data
                throw new InvalidFormatException(p, flaw, null, String.class);
            }
            return s;
        }

        /** What is wrong with the text, or null. */
        static String flaw(String s) {
            if (s == null) {
                return null;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\0') {
                    return "text holding a NUL character (\\u0000)";
                }
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    return "text holding half a character (a lone UTF-16 surrogate)";
                }
            }
            return null;
        }
    }
}
