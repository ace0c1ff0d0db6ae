package org.ehcptracker.testtokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Idempotency-Key checks every command service runs on its creates (command-kit {@code IdempotentCreates}): the
 * HTTP side (answers replayed, refusals); each service counts its own records beside them.
 */
public final class IdempotentCreateChecks {

    public static final String HEADER = "Idempotency-Key";

    private IdempotentCreateChecks() {
    }

    /** A key no other test uses. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /**
     * Sends the create twice with one key: the second answer is the first one again (status, Location, body), marked
     * {@code Idempotent-Replayed: true}. Returns the first answer.
     */
    public static Response retriedWithOneKey(Supplier<RequestSpecification> caller, String path, Object body, int status) {
        String key = newKey();
        Response first = caller.get().header(HEADER, key).body(body).post(path);
        first.then().statusCode(status).header("Idempotent-Replayed", "false");
        Response retry = caller.get().header(HEADER, key).body(body).post(path);
        retry.then().statusCode(status).header("Idempotent-Replayed", "true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.jsonPath().<Object>get("$")).isEqualTo(first.jsonPath().<Object>get("$"));
        return first;
    }

    /** Sends the create {@code n} times at once with one key: every answer is the one first answer. */
    public static List<Response> concurrentlyWithOneKey(Supplier<RequestSpecification> caller, String path, Object body,
                                                        int status, int n) throws Exception {
        String key = newKey();
        ExecutorService executor = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(executor.submit(() -> {
                    start.await();
                    return caller.get().header(HEADER, key).body(body).post(path);
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> call : calls) {
                answers.add(call.get(60, TimeUnit.SECONDS));
            }
            for (Response answer : answers) {
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
                assertThat(answer.header("Location")).isEqualTo(answers.get(0).header("Location"));
                assertThat(answer.jsonPath().<Object>get("$")).isEqualTo(answers.get(0).jsonPath().<Object>get("$"));
            }
            assertThat(answers).extracting(a -> a.header("Idempotent-Replayed")).containsOnlyOnce("false");
            return answers;
        } finally {
            executor.shutdownNow();
        }
    }

    /** The create with a key, then another request with the same key: 422 problem+json naming the header. */
    public static void otherRequestWithTheKeyIsRefused(Supplier<RequestSpecification> caller, String path, Object body,
                                                       Object otherBody, int status) {
        String key = newKey();
        caller.get().header(HEADER, key).body(body).post(path).then().statusCode(status);
        caller.get().header(HEADER, key).body(otherBody).post(path).then()
                .statusCode(422).contentType("application/problem+json").body("field", org.hamcrest.Matchers.equalTo(HEADER));
    }

    /** Keys that are not 1-255 printable ASCII characters: 400 problem+json naming the header. */
    public static void badKeysAreRefused(Supplier<RequestSpecification> caller, String path, Object body) {
        for (String bad : List.of("", "with space", "x".repeat(256), "caf\u00e9")) {
            caller.get().header(HEADER, bad).body(body).post(path).then()
                    .statusCode(400).contentType("application/problem+json").body("field", org.hamcrest.Matchers.equalTo(HEADER));
        }
    }

    /** Every /api POST that answers 201 (a create) documents the Idempotency-Key header in the OpenAPI document. */
    public static List<String> createsDocumentingTheHeader() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> creates = new ArrayList<>();
        paths.forEach((path, item) -> {
            Map<String, Object> post = item.get("post");
            if (!path.startsWith("/api/") || post == null || !((Map<?, ?>) post.get("responses")).containsKey("201")) {
                return;
            }
            creates.add(path);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) post.getOrDefault("parameters", List.of());
            assertThat(parameters).as("POST " + path + " documents the Idempotency-Key header")
                    .anySatisfy(p -> {
                        assertThat(p.get("name")).isEqualTo(HEADER);
                        assertThat(p.get("in")).isEqualTo("header");
                    });
        });
        return creates;
    }
}
