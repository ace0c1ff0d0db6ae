package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ehcptracker.devinfra.ServiceProcess;
import org.ehcptracker.testtokens.AccessMatrix;
import org.ehcptracker.testtokens.HostileRequests;
import org.ehcptracker.testtokens.HostileRequests.Case;
import org.ehcptracker.testtokens.HostileRequests.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 14 item 2, no 5xx from any input: every /api operation of the four services, read from each one's OpenAPI
 * document, gets platform/test-tokens' {@link HostileRequests} (malformed JSON, wrong types and shapes, unknown codes,
 * impossible dates, NUL, lone surrogates, bytes that are not UTF-8, huge and deeply nested bodies, wrong content types,
 * bad ids...), signed in with a real token of a role the operation allows. Every answer is below 500; every 4xx is
 * problem+json with a body whose status is the answer's, naming the field the case spoilt when it is a 400; an input
 * wrong whatever the state is never accepted by a command; and a refused command stores no event (the events the
 * fuzzing users' actors wrote are counted in the service's database before and after).
 *
 * <p>Council 882 is this class's own. Deterministic by {@link #SEED}.
 */
@ExtendWith(SystemStack.Shared.class)
class NoServerErrorSystemTest {

    static final long SEED = 20261129L;
    static final String LA = "882";
    /** Quarkus' default {@code quarkus.http.limits.max-body-size} (10240K), which the services keep. */
    static final int BODY_LIMIT = 10240 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();

    static SystemStack stack;
    static final Map<String, Connection> databases = new HashMap<>();
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void stack(SystemStack s) throws Exception {
        stack = s;
        for (String db : List.of("assessment", "advice", "plan", "reporting")) {
            var env = s.env();
            databases.put(db, DriverManager.getConnection("jdbc:postgresql://" + env.get("PGHOST") + ":"
                    + env.get("PGPORT") + "/" + db, env.get("PGUSER"), env.get("PGPASSWORD")));
        }
    }

    @AfterAll
    static void close() throws Exception {
        for (Connection c : databases.values()) {
            c.close();
        }
    }

    @Test
    void no_input_gets_a_server_error_and_a_refused_command_stores_nothing() throws Exception {
        // a real case of the council, so that commands on it reach the domain's checks, not only "not found"
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        var steps = new CaseSteps(stack);
        String caseId = steps.requestAssessment(LA, today.minusDays(20).toString(), "FUZZ-882-1");
        steps.decideToAssess(caseId, today.minusDays(10).toString());

        var generator = new HostileRequests(SEED, Map.of("caseId", caseId, "agencyId", "fuzz-882-agency",
                // reporting's board and figures need a period (its OpenAPI document does not mark them required)
                "from", today.minusYears(1).toString(), "to", today.toString(),
                // plan-service's phase transfers need a year of 2015-2100 (the generator's integer is 1)
                "year", String.valueOf(today.getYear())), LA, BODY_LIMIT);
        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        services.put("assessment", stack.assessment);
        services.put("advice", stack.advice);
        services.put("plan", stack.plan);
        services.put("reporting", stack.reporting);

        var byStatus = new TreeMap<String, TreeMap<Integer, Integer>>();
        var faults = new ArrayList<String>();
        var actors = new ArrayList<String>();
        for (String role : AccessMatrix.ROLES) {
            actors.add("%:" + subjectOf(SystemStack.bearer(role + ":fuzz-882")));
        }
        int operations = 0;
        int requests = 0;
        long started = System.nanoTime();
        for (var service : services.entrySet()) {
            Map<String, Object> document = given().baseUri(service.getValue().baseUrl()).accept("application/json")
                    .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("$");
            List<Operation> ops = HostileRequests.operations(service.getKey(), document);
            assertThat(ops).as(service.getKey() + " lists its operations").isNotEmpty();
            for (Operation op : ops) {
                operations++;
                assertThat(op.roles()).as(op + " names the roles allowed").isNotEmpty();
                String bearer = SystemStack.bearer(op.roles().get(0) + ":fuzz-882");
                for (Case c : generator.cases(op)) {
                    requests++;
                    long before = op.reads() ? 0 : eventsBy(service.getKey(), actors);
                    Answer answer = send(service.getValue().baseUrl(), bearer, c);
                    byStatus.computeIfAbsent(service.getKey(), k -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
                    String fault = judge(c, answer);
                    if (fault == null && !op.reads() && answer.status() >= 400) {
                        long after = eventsBy(service.getKey(), actors);
                        if (after != before) {
                            fault = (after - before) + " event(s) stored for a refused request";
                        }
                    }
                    if (fault != null) {
                        faults.add(c + " → " + answer.status() + " " + answer.contentType() + " "
                                + abbreviate(answer.body(), 300) + ": " + fault);
                    }
                }
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.printf("NoServerErrorSystemTest: %d operations, %d requests in %d s; answers by status: %s%n",
                operations, requests, seconds, byStatus);
        faults.forEach(f -> System.out.println("FAULT " + f));
        assertThat(requests).as("requests sent").isGreaterThan(operations * 5);
        assertThat(faults).as(faults.size() + " faults of " + requests + " requests").isEmpty();
    }

    /** What is wrong with the answer, or null. */
    private static String judge(Case c, Answer answer) {
        int status = answer.status();
        if (status >= 500 || status < 0) {
            return "a server error";
        }
        if (status < 400) {
            return c.mustReject() && !c.operation().reads() ? "accepted an input that is wrong whatever the state" : null;
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return "a refusal that is not problem+json";
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.body());
        } catch (IOException e) {
            return "a problem body that is not JSON";
        }
        if (problem == null || !problem.isObject() || problem.path("status").asInt() != status) {
            return "a problem body without its status";
        }
        if (status == 400 && c.field() != null) {
            String name = c.field().substring(c.field().lastIndexOf('.') + 1);
            if (!answer.body().contains(name)) {
                return "a 400 that does not name " + c.field();
            }
        }
        return null;
    }

    private record Answer(int status, String contentType, String body) {
    }

    private static Answer send(String baseUrl, String bearer, Case c) throws InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + c.target()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer)
                .header("Accept", "application/json, application/problem+json, */*");
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        HttpRequest.BodyPublisher body = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        request.method(c.operation().method(), body);
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            try (InputStream in = response.body()) {
                // a stream (server-sent events) that was accepted is not read to its end
                String text = response.statusCode() < 400 && contentType != null && contentType.startsWith("text/event-stream")
                        ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Answer(response.statusCode(), contentType, text);
            }
        } catch (IOException e) {
            return new Answer(-1, null, "no answer: " + e);
        }
    }

    private static long eventsBy(String service, List<String> actors) {
        try {
            // reporting-service keeps no events of its own (its one command, an operator's replay, appends none)
            try (var t = databases.get(service).createStatement();
                 ResultSet r = t.executeQuery("select to_regclass('public.event') is not null")) {
                r.next();
                if (!r.getBoolean(1)) {
                    return 0;
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        try (PreparedStatement s = databases.get(service).prepareStatement(
                "select count(*) from event where metadata->>'actor' like any (?)")) {
            s.setArray(1, databases.get(service).createArrayOf("text", actors.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token's {@code sub}: the actors in event metadata are {@code role:sub}. */
    private static String subjectOf(String bearer) {
        String payload = bearer.substring("Bearer ".length()).split("\\.")[1];
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)).getString("sub");
    }

    private static String abbreviate(String s, int max) {
        String oneLine = s == null ? "" : s.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
    }
}
