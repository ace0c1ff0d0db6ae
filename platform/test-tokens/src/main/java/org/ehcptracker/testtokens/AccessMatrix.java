package org.ehcptracker.testtokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The role × endpoint access matrix a service test runs over the service's own OpenAPI document (issue 11): every
 * /api operation the document lists must appear in the test's table of allowed roles (so a new endpoint cannot
 * slip in unchecked); without a token, with a tampered, expired, foreign-issuer or foreign-audience token each
 * answers 401 problem+json; each role outside the table answers 403 problem+json; each role in it gets past sign-in
 * and role (any answer but 401 and 403: the request's ids and body are placeholders, so 400, 404 or 422 are
 * expected). Council and agency scope need real data, so each service tests them with concrete requests beside
 * its matrix.
 */
public final class AccessMatrix {

    /** Every role a token can carry, as the realm defines them (docs/security.md). */
    public static final List<String> ROLES = List.of("caseworker", "team-manager", "agency", "board", "admin");

    /** {@code GET /api/cases/{caseId}}: the key of the allowed-roles table. */
    public record Operation(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final Map<String, Set<String>> allowed;
    private final Map<String, String> pathValues;
    private final String council;

    /**
     * @param allowed    for each operation ({@code "POST /api/cases"}), the roles allowed to call it
     * @param pathValues a value for each path parameter name (e.g. {@code caseId} → a UUID)
     * @param council    the council every token in the matrix acts for (path parameters naming a council get it)
     */
    public AccessMatrix(Map<String, Set<String>> allowed, Map<String, String> pathValues, String council) {
        this.allowed = allowed;
        this.pathValues = pathValues;
        this.council = council;
    }

    /** The /api operations of the running service's OpenAPI document. */
    public static List<Operation> operations() {
        Map<String, Map<String, Object>> paths = given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
        var out = new ArrayList<Operation>();
        paths.forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.keySet().stream()
                        .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                        .forEach(m -> out.add(new Operation(m.toUpperCase(), path)));
            }
        });
        return out;
    }

    /** Runs the whole matrix; returns how many requests it made (the caller asserts it covered something). */
    public int verify() {
        List<Operation> operations = operations();
        assertThat(operations).as("the OpenAPI document lists the service's /api operations").isNotEmpty();
        var listed = new TreeSet<String>();
        operations.forEach(o -> listed.add(o.toString()));
        assertThat(allowed.keySet()).as("the allowed-roles table names every operation, and only those")
                .containsExactlyInAnyOrderElementsOf(listed);
        int requests = 0;
        for (Operation op : operations) {
            String path = fill(op.path());
            for (var bad : badTokens().entrySet()) {
                var spec = given();
                if (bad.getValue() != null) {
                    spec.header("Authorization", bad.getValue());
                }
                assertRefused(send(spec, op.method(), path), 401, op + " with " + bad.getKey());
                requests++;
            }
            Set<String> roles = allowed.get(op.toString());
            for (String role : ROLES) {
                var token = TestTokens.as(role + ":matrix-" + role).councils(council).agency("matrix-agency").bearer();
                Response answer = send(given().header("Authorization", token), op.method(), path);
                boolean mayCall = roles.contains(role) || (role.equals("team-manager") && roles.contains("caseworker"));
                if (mayCall) {
                    assertThat(answer.statusCode()).as(op + " as " + role + " (allowed): " + answer.asString())
                            .isNotIn(401, 403);
                } else {
                    assertRefused(answer, 403, op + " as " + role + " (not allowed)");
                }
                requests++;
            }
        }
        return requests;
    }

    private Map<String, String> badTokens() {
        String good = TestTokens.as("caseworker:matrix").councils(council).token();
        String[] parts = good.split("\\.");
        // the payload changed after signing: the signature no longer matches
        String tamperedPayload = TestTokens.as("admin:matrix").councils("*").token().split("\\.")[1];
        var bad = new java.util.LinkedHashMap<String, String>();
        bad.put("no token", null);
        bad.put("a tampered token", "Bearer " + parts[0] + "." + tamperedPayload + "." + parts[2]);
        bad.put("an expired token", TestTokens.as("caseworker:matrix").councils(council)
                .expiresIn(Duration.ofMinutes(-10)).bearer());
        bad.put("another issuer's token", TestTokens.as("caseworker:matrix").councils(council)
                .issuer("https://elsewhere.invalid/realms/ehcp").bearer());
        bad.put("a token for another audience", TestTokens.as("caseworker:matrix").councils(council)
                .audience("another-api").bearer());
        bad.put("not a token", "Bearer not-a-jwt");
        bad.put("a header that is not Bearer", "Basic Y2FzZXdvcmtlcjpqc21pdGg=");
        return bad;
    }

    private static void assertRefused(Response answer, int status, String what) {
        assertThat(answer.statusCode()).as(what + ": " + answer.asString()).isEqualTo(status);
        assertThat(answer.contentType()).as(what + ": problem+json").startsWith("application/problem+json");
        assertThat(answer.jsonPath().getInt("status")).as(what).isEqualTo(status);
    }

    private static Response send(RequestSpecification spec, String method, String path) {
        if (!method.equals("GET") && !method.equals("DELETE")) {
            spec.contentType("application/json").body("{}");
        }
        return spec.request(method, path);
    }

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private String fill(String template) {
        Matcher m = PARAM.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = pathValues.get(name);
            if (value == null && (name.equals("la") || name.toLowerCase().contains("localauthority"))) {
                value = council;
            }
            assertThat(value).as("a value for path parameter " + name + " of " + template).isNotNull();
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
