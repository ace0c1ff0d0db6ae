package org.ehcptracker.testtokens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hostile requests for every operation of a service's OpenAPI document (issue 14, "no 5xx from any input"): malformed
 * JSON, wrong shapes and types, missing and unknown fields, unknown codes, impossible dates, NUL and other control
 * characters, lone surrogates, bytes that are not UTF-8, very long text and ids, deep nesting, a body over the size
 * limit, duplicate keys, trailing content, wrong content types, and bad path and query values. Pure: it reads the
 * document (as {@code JsonPath.getMap} gives it) and writes the requests' bytes itself, so it can write what no JSON
 * library would (a key given twice, half a character); sending them is the caller's.
 *
 * <p>Deterministic: the same document, seed and values give the same cases in the same order.
 */
public final class HostileRequests {

    /** One /api operation of the document: what the cases are made from. */
    public record Operation(String service, String method, String path, List<Param> pathParams, List<Param> queryParams,
                            Map<String, Object> body, List<String> roles) {
        @Override
        public String toString() {
            return service + " " + method + " " + path;
        }

        public boolean reads() {
            return method.equals("GET");
        }
    }

    public record Param(String name, boolean required, Map<String, Object> schema) {
    }

    /**
     * One request to send.
     *
     * @param target     path and query, already encoded
     * @param contentType null: no Content-Type header
     * @param body       null: no body
     * @param field      the body field, path or query parameter the case spoils, when it spoils one: a 400 names it
     * @param mustReject the input is wrong whatever the state: a 2xx to it is a fault (commands only)
     */
    public record Case(Operation operation, String name, String target, String contentType, byte[] body, String field,
                       boolean mustReject) {
        @Override
        public String toString() {
            return operation + " [" + name + "] " + abbreviate(target, 160);
        }
    }

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static final String CONTROL = "\\u0001\\u0007\\u001b\\u007f";

    private final long seed;
    private final Map<String, String> pathValues;
    private final String council;
    private final int bodyLimitBytes;

    /**
     * @param seed           makes the random parts (ids, filler) the same from run to run
     * @param pathValues     a good value for path and query parameters and body fields by name ({@code caseId} →
     *                       an existing case, {@code from} → a date); other path parameters and fields get their
     *                       schema's example, a random UUID, or {@code council}; other query parameters are left
     *                       out unless required
     * @param council        the LA code used wherever a council is named
     * @param bodyLimitBytes the services' configured body limit: one case sends a body just over it
     */
    public HostileRequests(long seed, Map<String, String> pathValues, String council, int bodyLimitBytes) {
        this.seed = seed;
        this.pathValues = pathValues;
        this.council = council;
        this.bodyLimitBytes = bodyLimitBytes;
    }

    /** The /api operations of a service's OpenAPI document, with the roles its security requirement names. */
    @SuppressWarnings("unchecked")
    public static List<Operation> operations(String service, Map<String, Object> document) {
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document
                .getOrDefault("components", Map.of())).getOrDefault("schemas", Map.of());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        var out = new ArrayList<Operation>();
        paths.forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.forEach((method, o) -> {
                if (!METHODS.contains(method)) {
                    return;
                }
                Map<String, Object> op = (Map<String, Object>) o;
                var pathParams = new ArrayList<Param>();
                var queryParams = new ArrayList<Param>();
                for (Object p : (List<Object>) op.getOrDefault("parameters", List.of())) {
                    Map<String, Object> param = (Map<String, Object>) p;
                    var schema = resolve((Map<String, Object>) param.getOrDefault("schema", Map.of()), schemas, 0);
                    if (param.get("example") != null && example(schema) == null) {
                        // @Parameter(example = ...) puts it on the parameter, not its schema: it is the good value
                        schema = new LinkedHashMap<>(schema);
                        schema.put("example", param.get("example"));
                    }
                    var resolved = new Param((String) param.get("name"), Boolean.TRUE.equals(param.get("required")),
                            schema);
                    if ("path".equals(param.get("in"))) {
                        pathParams.add(resolved);
                    } else if ("query".equals(param.get("in"))) {
                        queryParams.add(resolved);
                    }
                }
                Map<String, Object> body = null;
                Object requestBody = op.get("requestBody");
                if (requestBody instanceof Map<?, ?> rb && rb.get("content") instanceof Map<?, ?> content
                        && content.get("application/json") instanceof Map<?, ?> json && json.get("schema") instanceof Map<?, ?> s) {
                    body = resolve((Map<String, Object>) s, schemas, 0);
                }
                var roles = new ArrayList<String>();
                for (Object requirement : (List<Object>) op.getOrDefault("security", List.of())) {
                    ((Map<String, List<String>>) requirement).values().forEach(roles::addAll);
                }
                out.add(new Operation(service, method.toUpperCase(), path, pathParams, queryParams, body, roles));
            });
        });
        return out;
    }

    /** A schema with its $ref (and those of its properties and items) replaced by what they point to. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas, int depth) {
        var out = new LinkedHashMap<String, Object>();
        if (schema.get("$ref") instanceof String ref && depth < 8) {
            out.putAll(resolve((Map<String, Object>) schemas.getOrDefault(ref.substring(ref.lastIndexOf('/') + 1), Map.of()),
                    schemas, depth + 1));
        }
        schema.forEach((k, v) -> {
            if (!k.equals("$ref") && !(k.equals("type") && out.containsKey("enum"))) {
                out.put(k, v);
            }
        });
        if (out.get("properties") instanceof Map<?, ?> properties && depth < 8) {
            var resolved = new LinkedHashMap<String, Object>();
            properties.forEach((k, v) -> resolved.put((String) k, resolve((Map<String, Object>) v, schemas, depth + 1)));
            out.put("properties", resolved);
        }
        if (out.get("items") instanceof Map<?, ?> items && depth < 8) {
            out.put("items", resolve((Map<String, Object>) items, schemas, depth + 1));
        }
        return out;
    }

    /** Every case for one operation, in a fixed order. */
    public List<Case> cases(Operation op) {
        var random = new Random(seed ^ op.toString().hashCode());
        var cases = new ArrayList<Case>();
        Map<String, String> goodPath = new LinkedHashMap<>();
        for (Param p : op.pathParams()) {
            goodPath.put(p.name(), goodPathValue(p, random));
        }
        Map<String, String> goodQuery = new LinkedHashMap<>();
        for (Param p : op.queryParams()) {
            if (pathValues.containsKey(p.name())) {
                goodQuery.put(p.name(), pathValues.get(p.name()));
            } else if (p.required()) {
                goodQuery.put(p.name(), goodScalar(p.name(), p.schema()));
            }
        }
        String target = target(op, goodPath, goodQuery);
        Object goodBody = op.body() == null ? null : goodValue("", op.body(), 0);
        String goodJson = goodBody == null ? null : Json.write(goodBody);

        // path parameters: malformed, unknown, very long, NUL, control characters
        for (Param p : op.pathParams()) {
            var spoilt = new LinkedHashMap<String, String>();
            spoilt.put("not a UUID", "not-a-uuid");
            spoilt.put("unknown id", UUID.nameUUIDFromBytes(("unknown" + random.nextLong()).getBytes()).toString());
            spoilt.put("5,000-character id", "a".repeat(5000));
            spoilt.put("NUL in id", "%00");
            spoilt.put("control characters in id", "%01%1B%7F");
            spoilt.put("percent-encoded slash", "..%2F..%2Fq%2Fhealth");
            spoilt.put("not UTF-8", "%C3%28");
            spoilt.forEach((name, raw) -> {
                var path = new LinkedHashMap<>(goodPath);
                path.put(p.name(), raw);
                cases.add(withBody(op, "path " + p.name() + ": " + name, target(op, path, goodQuery), goodJson, p.name(), true));
            });
        }
        // query parameters: wrong types, unknown codes, impossible dates, long text, NUL
        for (Param p : op.queryParams()) {
            for (var bad : badQueryValues(p).entrySet()) {
                var query = new LinkedHashMap<>(goodQuery);
                query.put(p.name(), bad.getValue());
                cases.add(withBody(op, "query " + p.name() + ": " + bad.getKey(), target(op, goodPath, query), goodJson,
                        p.name(), false));
            }
        }
        if (op.body() == null) {
            if (!op.reads()) {
                // a body where none is expected must not change the answer's kind
                cases.add(raw(op, "unexpected body", target, "application/json", "{\"x\":1}", null, false));
            }
            return cases;
        }
        // the body as a whole
        cases.add(raw(op, "malformed JSON", target, "application/json", "{\"a\":", null, true));
        cases.add(raw(op, "unquoted names", target, "application/json", "{a:1}", null, true));
        cases.add(raw(op, "array for object", target, "application/json", "[]", null, true));
        cases.add(raw(op, "string for object", target, "application/json", "\"text\"", null, true));
        cases.add(raw(op, "number for object", target, "application/json", "42", null, true));
        cases.add(raw(op, "null body", target, "application/json", "null", null, true));
        cases.add(raw(op, "empty body", target, "application/json", "", null, true));
        cases.add(raw(op, "trailing object", target, "application/json", goodJson + " {}", null, true));
        cases.add(raw(op, "trailing text", target, "application/json", goodJson + "x", null, true));
        cases.add(raw(op, "deep nesting (10,000)", target, "application/json",
                "{\"deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}", null, true));
        cases.add(raw(op, "deep object nesting (2,000)", target, "application/json",
                "{\"d\":".repeat(2000) + "1" + "}".repeat(2000), null, true));
        cases.add(raw(op, "body over the size limit", target, "application/json",
                "{\"filler\":\"" + "x".repeat(bodyLimitBytes + 1024) + "\"}", null, true));
        cases.add(raw(op, "text/plain", target, "text/plain", goodJson, null, true));
        cases.add(raw(op, "application/xml", target, "application/xml", "<a/>", null, true));
        cases.add(raw(op, "form", target, "application/x-www-form-urlencoded", "a=1", null, true));
        cases.add(raw(op, "no content type", target, null, goodJson, null, true));
        cases.add(raw(op, "unknown field", target, "application/json",
                goodJson.substring(0, goodJson.length() - 1) + (goodJson.length() > 2 ? "," : "") + "\"unknownFieldZz\":1}",
                null, false));
        cases.add(withBytes(op, "UTF-16 body", target, "application/json",
                goodJson.getBytes(StandardCharsets.UTF_16), null, false)); // JSON's other encoding: read exactly
        if (goodBody instanceof Map<?, ?> object && !object.isEmpty()) {
            String first = (String) object.keySet().iterator().next();
            String value = Json.write(object.get(first));
            cases.add(raw(op, "duplicate key " + first, target, "application/json",
                    "{\"" + first + "\":" + value + "," + goodJson.substring(1), first, true));
        }
        // each field of the body, one at a time
        fieldCases(op, target, op.body(), goodBody, "", cases, random, 0);
        return cases;
    }

    @SuppressWarnings("unchecked")
    private void fieldCases(Operation op, String target, Map<String, Object> schema, Object good, String prefix,
                            List<Case> cases, Random random, int depth) {
        if (!(schema.get("properties") instanceof Map<?, ?> props) || !(good instanceof Map<?, ?>) || depth > 2) {
            return;
        }
        Collection<?> required = (Collection<?>) schema.getOrDefault("required", List.of());
        ((Map<String, Map<String, Object>>) props).forEach((name, propSchema) -> {
            String field = prefix + name;
            boolean isRequired = required.contains(name);
            if (isRequired) {
                cases.add(raw(op, field + ": missing", target, "application/json",
                        Json.write(replace(op.body(), field, Json.MISSING)), field, true));
            }
            for (var bad : badValues(field, propSchema, random).entrySet()) {
                cases.add(raw(op, field + ": " + bad.getKey(), target, "application/json",
                        Json.write(replace(op.body(), field, new Json.RawJson(bad.getValue().json()))), field,
                        bad.getValue().mustReject() || (isRequired && bad.getValue().json().equals("null"))));
            }
            if ("string".equals(propSchema.get("type")) && !propSchema.containsKey("enum")) {
                byte[] notUtf8 = Json.write(replace(op.body(), field, new Json.RawJson("\"@@@\"")))
                        .getBytes(StandardCharsets.UTF_8);
                cases.add(withBytes(op, field + ": bytes that are not UTF-8", target, "application/json",
                        replaceBytes(notUtf8, "@@@".getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF}),
                        field, true));
            }
            Object nestedGood = goodValue(field, propSchema, depth + 1);
            if (nestedGood instanceof Map<?, ?>) {
                fieldCases(op, target, propSchema, nestedGood, field + ".", cases, random, depth + 1);
            }
        });
    }

    private record Bad(String json, boolean mustReject) {
    }

    /** Wrong values for one field by its schema's kind; mustReject when no state could make the value right. */
    private Map<String, Bad> badValues(String field, Map<String, Object> schema, Random random) {
        var bad = new LinkedHashMap<String, Bad>();
        String kind = kind(schema);
        bad.put("null", new Bad("null", false));
        if (!kind.equals("array")) {
            bad.put("array", new Bad("[1]", true));
        }
        if (!kind.equals("object")) {
            bad.put("object", new Bad("{\"a\":1}", true));
        }
        if (!kind.equals("boolean")) {
            bad.put("boolean", new Bad("true", true));
        }
        switch (kind) {
            case "enum" -> {
                bad.put("number for a code", new Bad("1", true));
                bad.put("unknown code", new Bad("\"NOT_A_CODE_ZZ\"", true));
                bad.put("empty code", new Bad("\"\"", true));
                bad.put("code in lower case", new Bad(Json.quote(String.valueOf(((List<?>) schema.get("enum")).get(0))
                        .toLowerCase()), true));
            }
            case "date" -> {
                bad.put("30 February", new Bad("\"2025-02-30\"", true));
                bad.put("year 0", new Bad("\"0000-01-01\"", true));
                bad.put("year +999999999", new Bad("\"+999999999-12-31\"", true));
                bad.put("before the Christian era", new Bad("\"-5000-01-06\"", true));
                bad.put("1 September 2014 minus a day", new Bad("\"2014-08-31\"", false));
                bad.put("not ISO", new Bad("\"03/03/2025\"", true));
                bad.put("number for a date", new Bad("20000", true));
                bad.put("array for a date", new Bad("[2025,3,3]", true));
                bad.put("date and time", new Bad("\"2025-03-03T10:00:00Z\"", true));
            }
            case "uuid" -> {
                bad.put("not a UUID", new Bad("\"not-a-uuid\"", true));
                bad.put("number for a UUID", new Bad("1", true));
                bad.put("empty UUID", new Bad("\"\"", true));
            }
            case "integer", "number" -> {
                bad.put("string for a number", new Bad("\"1\"", true));
                bad.put("fraction", new Bad("1.5", kind.equals("integer")));
                bad.put("1e400", new Bad("1e400", true));
                bad.put("beyond 64 bits", new Bad("99999999999999999999999", true));
                bad.put("negative", new Bad("-1", schema.get("minimum") instanceof Number min && min.doubleValue() >= 0));
            }
            case "boolean" -> {
                bad.put("string for a boolean", new Bad("\"true\"", true));
                bad.put("number for a boolean", new Bad("1", true));
            }
            case "array" -> {
                bad.put("string for an array", new Bad("\"x\"", true));
                bad.put("null item", new Bad("[null]", false));
                bad.put("100,000 items", new Bad("[" + "1,".repeat(99_999) + "1]", false));
            }
            case "object" -> bad.put("string for an object", new Bad("\"x\"", true));
            default -> { // text
                bad.put("number for text", new Bad("1", true));
                bad.put("NUL", new Bad("\"a\\u0000b\"", true));
                bad.put("lone high surrogate", new Bad("\"a\\ud800b\"", true));
                bad.put("lone low surrogate", new Bad("\"\\udc00\"", true));
                bad.put("control characters", new Bad("\"a" + CONTROL + "b\"", violates(schema, "a\u0001\u0007\u001b\u007fb")));
                String veryLong = filler(random, 100_000);
                bad.put("100,000 characters", new Bad(Json.quote(veryLong), violates(schema, veryLong)));
                bad.put("empty text", new Bad("\"\"", violates(schema, "")));
                bad.put("blank text", new Bad("\" \"", violates(schema, " ")));
                bad.put("emoji", new Bad("\"\\ud83d\\ude00\"", false));
            }
        }
        return bad;
    }

    private static Map<String, String> badQueryValues(Param p) {
        var bad = new LinkedHashMap<String, String>();
        String kind = kind(p.schema());
        switch (kind) {
            case "integer", "number" -> {
                bad.put("not a number", "abc");
                bad.put("fraction", "1.5");
                bad.put("beyond 64 bits", "99999999999999999999999");
                bad.put("negative", "-1");
                bad.put("huge", "2147483648");
            }
            case "boolean" -> bad.put("not a boolean", "maybe");
            case "enum" -> bad.put("unknown code", "NOT_A_CODE_ZZ");
            default -> {
                bad.put("impossible date", "2025-02-30");
                bad.put("year +999999999", encode("+999999999-12-31"));
                bad.put("unknown code", "NOT_A_CODE_ZZ");
            }
        }
        bad.put("empty", "");
        bad.put("NUL", "%00");
        bad.put("not UTF-8", "%C3%28");
        bad.put("2,000 characters", "q".repeat(2000));
        return bad;
    }

    private static boolean violates(Map<String, Object> schema, String value) {
        if (schema.get("maxLength") instanceof Number max && value.length() > max.intValue()) {
            return true;
        }
        if (schema.get("minLength") instanceof Number min && value.length() < min.intValue()) {
            return true;
        }
        if (schema.get("pattern") instanceof String pattern) {
            return !Pattern.compile(pattern).matcher(value).matches();
        }
        return false;
    }

    static String kind(Map<String, Object> schema) {
        if (schema.containsKey("enum")) {
            return "enum";
        }
        String type = String.valueOf(schema.getOrDefault("type", schema.containsKey("properties") ? "object" : "string"));
        String format = String.valueOf(schema.get("format"));
        if (type.equals("string") && format.equals("date")) {
            return "date";
        }
        if (type.equals("string") && format.equals("uuid")) {
            return "uuid";
        }
        return type;
    }

    /** A plausible value: the schema's example, else one made from its kind. Required properties only. */
    @SuppressWarnings("unchecked")
    private Object goodValue(String name, Map<String, Object> schema, int depth) {
        String kind = kind(schema);
        if (kind.equals("object")) {
            if (!schema.containsKey("properties") && example(schema) instanceof Map<?, ?> example) {
                return example; // a map by key (scores by criterion): only its example says what keys exist
            }
            var out = new LinkedHashMap<String, Object>();
            if (schema.get("properties") instanceof Map<?, ?> props && depth < 4) {
                Collection<?> required = (Collection<?>) schema.getOrDefault("required", List.of());
                ((Map<String, Map<String, Object>>) props).forEach((k, v) -> {
                    if (required.contains(k)) {
                        out.put(k, goodValue(k, v, depth + 1));
                    }
                });
            }
            return out;
        }
        if (kind.equals("array")) {
            Object example = example(schema);
            if (example instanceof List<?> list) {
                return list;
            }
            var items = (Map<String, Object>) schema.getOrDefault("items", Map.of("type", "string"));
            return List.of(goodValue(name, items, depth + 1));
        }
        if (pathValues.containsKey(name)) {
            return pathValues.get(name); // e.g. an agency id of the caller's own, not the example's real-looking one
        }
        Object example = example(schema);
        if (example != null && !(example instanceof Map) && !(example instanceof List)) {
            return councilish(name) ? council : example;
        }
        return switch (kind) {
            case "enum" -> ((List<?>) schema.get("enum")).get(0);
            case "integer", "number" -> schema.get("minimum") instanceof Number min ? min : 1;
            case "boolean" -> false;
            default -> goodScalar(name, schema);
        };
    }

    private String goodScalar(String name, Map<String, Object> schema) {
        Object example = example(schema);
        if (councilish(name)) {
            return council;
        }
        if (example != null && !(example instanceof Map) && !(example instanceof List)) {
            return String.valueOf(example);
        }
        return switch (kind(schema)) {
            case "enum" -> String.valueOf(((List<?>) schema.get("enum")).get(0));
            case "date" -> "2025-03-03";
            case "uuid" -> UUID.nameUUIDFromBytes(name.getBytes()).toString();
            case "integer", "number" -> "1";
            case "boolean" -> "false";
            default -> "x";
        };
    }

    private String goodPathValue(Param p, Random random) {
        if (pathValues.containsKey(p.name())) {
            return pathValues.get(p.name());
        }
        if (councilish(p.name())) {
            return council;
        }
        if (kind(p.schema()).equals("uuid")) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        return goodScalar(p.name(), p.schema());
    }

    private static boolean councilish(String name) {
        String n = name.toLowerCase();
        return n.equals("la") || n.endsWith("localauthoritycode") || n.equals("council");
    }

    private static Object example(Map<String, Object> schema) {
        if (schema.get("examples") instanceof List<?> examples && !examples.isEmpty()) {
            return examples.get(0);
        }
        return schema.get("example");
    }

    /** The good body with the value at {@code field} (a.b) replaced, or removed when {@code value} is MISSING. */
    @SuppressWarnings("unchecked")
    private Object replace(Map<String, Object> schema, String field, Object value) {
        Object body = deepCopy(goodValue("", schema, 0));
        String[] parts = field.split("\\.");
        Map<String, Object> at = (Map<String, Object>) body;
        Map<String, Object> atSchema = schema;
        for (int i = 0; i < parts.length - 1; i++) {
            atSchema = (Map<String, Object>) ((Map<String, Object>) atSchema.get("properties")).get(parts[i]);
            Object next = at.get(parts[i]);
            if (!(next instanceof Map)) {
                next = goodValue(parts[i], atSchema, i + 1);
                next = deepCopy(next);
                at.put(parts[i], next);
            }
            at = (Map<String, Object>) next;
        }
        if (value == Json.MISSING) {
            at.remove(parts[parts.length - 1]);
        } else {
            at.put(parts[parts.length - 1], value);
        }
        return body;
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> out.put((String) k, deepCopy(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(HostileRequests::deepCopy).toList());
        }
        return value;
    }

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private static String target(Operation op, Map<String, String> path, Map<String, String> query) {
        Matcher m = PARAM.matcher(op.path());
        var out = new StringBuilder();
        while (m.find()) {
            String value = path.get(m.group(1));
            // already encoded when it holds a %, else encoded here
            m.appendReplacement(out, Matcher.quoteReplacement(value.contains("%") ? value : encode(value)));
        }
        m.appendTail(out);
        if (!query.isEmpty()) {
            out.append('?');
            var first = new boolean[]{true};
            query.forEach((k, v) -> {
                out.append(first[0] ? "" : "&").append(k).append('=').append(v.contains("%") ? v : encode(v));
                first[0] = false;
            });
        }
        return out.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%25", "%");
    }

    private static Case withBody(Operation op, String name, String target, String goodJson, String field, boolean mustReject) {
        return goodJson == null ? new Case(op, name, target, null, null, field, mustReject)
                : raw(op, name, target, "application/json", goodJson, field, mustReject);
    }

    private static Case raw(Operation op, String name, String target, String contentType, String body, String field,
                            boolean mustReject) {
        return withBytes(op, name, target, contentType, body.getBytes(StandardCharsets.UTF_8), field, mustReject);
    }

    private static Case withBytes(Operation op, String name, String target, String contentType, byte[] body, String field,
                                  boolean mustReject) {
        return new Case(op, name, target, contentType, body, field, mustReject);
    }

    private static byte[] replaceBytes(byte[] in, byte[] marker, byte[] with) {
        String s = new String(in, StandardCharsets.ISO_8859_1);
        String m = new String(marker, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(m);
        var out = new java.io.ByteArrayOutputStream();
        out.write(in, 0, at);
        out.write(with, 0, with.length);
        out.write(in, at + marker.length, in.length - at - marker.length);
        return out.toByteArray();
    }

    private static String filler(Random random, int length) {
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }

    /** Just enough JSON writing, so that raw pieces (a lone surrogate's escape) go out exactly as written. */
    static final class Json {
        static final Object MISSING = new Object();

        record RawJson(String json) {
        }

        static String write(Object value) {
            var out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof RawJson raw) {
                out.append(raw.json());
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                var first = true;
                for (var e : map.entrySet()) {
                    out.append(first ? "" : ",").append(quote(String.valueOf(e.getKey()))).append(':');
                    write(e.getValue(), out);
                    first = false;
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(list.get(i), out);
                }
                out.append(']');
            } else if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else {
                out.append(quote(String.valueOf(value)));
            }
        }

        static String quote(String s) {
            var out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
