package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ehcptracker.devinfra.ServiceProcess;

/**
 * Caseworkers requesting assessments for one council through assessment-service's API, on a few threads, while a
 * fault test breaks part of the stack; then the exact counts every fault test holds the stack to: the cases accepted
 * are the {@code AssessmentRequested} events stored, the distinct events on the topic, and the open cases in
 * reporting-service, each once. A request is ACCEPTED (201), UNAVAILABLE (503 problem+json with Retry-After: nothing
 * recorded), REFUSED (the port was closed), CUT (sent, then no answer: the test asks the service whether it
 * committed) or OTHER (any other answer, which every fault test refuses).
 */
final class CaseRequestLoad implements AutoCloseable {

    static final String RECEIVED = "2025-04-07";
    static final String TOPIC = "ehcp.assessment.events";

    enum Outcome { ACCEPTED, UNAVAILABLE, REFUSED, CUT, OTHER }

    record Attempt(String caseId, String target, Outcome outcome, String detail) {
    }

    private final SystemStack stack;
    private final String la;
    private final String childRef;
    private final List<Supplier<ServiceProcess>> targets;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService threads;
    private final List<Future<?>> workers = new ArrayList<>();

    /** Starts {@code threads} caseworkers, each sending its requests to the targets in turn. */
    CaseRequestLoad(SystemStack stack, String la, int threads, List<Supplier<ServiceProcess>> targets) {
        this.stack = stack;
        this.la = la;
        this.childRef = "C-LOAD-" + UUID.randomUUID().toString().substring(0, 8);
        this.targets = List.copyOf(targets);
        this.threads = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            int first = i;
            workers.add(this.threads.submit(() -> requestUntilStopped(first)));
        }
    }

    long count(Outcome outcome) {
        synchronized (attempts) {
            return attempts.stream().filter(a -> a.outcome() == outcome).count();
        }
    }

    long accepted(String target) {
        synchronized (attempts) {
            return attempts.stream().filter(a -> a.outcome() == Outcome.ACCEPTED && a.target().equals(target)).count();
        }
    }

    /** Waits until {@code n} more requests than now have had the outcome. */
    void awaitMore(Outcome outcome, long n, Duration atMost) {
        long target = count(outcome) + n;
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> count(outcome) >= target);
    }

    List<Attempt> stop() throws Exception {
        running.set(false);
        for (Future<?> worker : workers) {
            worker.get(90, TimeUnit.SECONDS);
        }
        threads.shutdown();
        return List.copyOf(attempts);
    }

    @Override
    public void close() {
        running.set(false);
        threads.shutdownNow();
    }

    private void requestUntilStopped(int first) {
        for (int i = first; running.get(); i++) {
            ServiceProcess target = targets.get(i % targets.size()).get();
            Attempt attempt = request(target);
            attempts.add(attempt);
            // a paced load: a few hundred cases per test, not thousands
            sleep(attempt.outcome() == Outcome.ACCEPTED ? 150 : 300);
        }
    }

    private Attempt request(ServiceProcess target) {
        String caseId = UUID.randomUUID().toString();
        String json = """
                {"caseId": "%s", "localAuthorityCode": "%s", "receivedDate": "%s", "requestedBy": "PARENT",
                 "childRef": "%s"}""".formatted(caseId, la, RECEIVED, childRef);
        var request = HttpRequest.newBuilder(URI.create(target.baseUrl() + "/api/cases"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 201) {
                return new Attempt(caseId, target.baseUrl(), Outcome.ACCEPTED, "");
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (status == 503 && response.headers().firstValue("Retry-After").isPresent()
                    && contentType.startsWith("application/problem+json")) {
                return new Attempt(caseId, target.baseUrl(), Outcome.UNAVAILABLE, "");
            }
            return new Attempt(caseId, target.baseUrl(), Outcome.OTHER, status + " " + contentType + " "
                    + response.headers().firstValue("Retry-After").orElse("(no Retry-After)") + " " + response.body());
        } catch (ConnectException refused) {
            return new Attempt(caseId, target.baseUrl(), Outcome.REFUSED, "");
        } catch (IOException cut) {
            return new Attempt(caseId, target.baseUrl(), Outcome.CUT, cut.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(caseId, target.baseUrl(), Outcome.CUT, "interrupted");
        }
    }

    /**
     * The exact counts: every accepted case (and every cut one the service did commit) has one AssessmentRequested
     * event stored, one distinct event on the topic and one open case in reporting; nothing else of this load is
     * anywhere. Returns the case ids stored.
     */
    Set<String> assertExactlyOnceEverywhere(List<Attempt> all, ServiceProcess reader) throws Exception {
        Set<String> expected = new HashSet<>();
        Set<String> notExpected = new HashSet<>();
        for (Attempt a : all) {
            switch (a.outcome()) {
                case ACCEPTED -> expected.add(a.caseId());
                case CUT -> (committed(reader, a.caseId()) ? expected : notExpected).add(a.caseId());
                default -> notExpected.add(a.caseId());
            }
        }
        Set<String> ids = all.stream().map(Attempt::caseId).collect(Collectors.toSet());

        Map<String, Integer> stored = storedRequests(ids);
        assertThat(stored.keySet()).as("cases with an AssessmentRequested event stored").isEqualTo(expected);
        assertThat(stored.values()).as("AssessmentRequested events per case").containsOnly(1);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Set<String>> onTopic = requestsOnTopic(ids);
            assertThat(onTopic.keySet()).as("cases with an AssessmentRequested record on the topic").isEqualTo(expected);
            assertThat(onTopic.values()).as("distinct event ids per case on the topic").allMatch(s -> s.size() == 1);
            assertThat(openInBacklog()).as("%s's open cases in reporting-service", la).isEqualTo(expected.size());
        });
        return expected;
    }

    private boolean committed(ServiceProcess reader, String caseId) {
        int status = given().baseUri(reader.baseUrl()).header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .get("/api/cases/{id}", caseId).statusCode();
        assertThat(status).as("case %s after a cut request", caseId).isIn(200, 404);
        return status == 200;
    }

    /** case id to the number of AssessmentRequested events stored for it, in assessment-service's database. */
    Map<String, Integer> storedRequests(Set<String> caseIds) throws Exception {
        Map<String, String> env = stack.env();
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + env.get("PGHOST") + ":" + env.get("PGPORT")
                + "/assessment", env.get("PGUSER"), env.get("PGPASSWORD"));
             PreparedStatement s = c.prepareStatement("select case_id::text, count(*) from event"
                     + " where type = 'AssessmentRequested' and case_id = any(?::uuid[]) group by case_id")) {
            s.setArray(1, c.createArrayOf("text", caseIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    /** case id to the distinct event ids of its AssessmentRequested records on the topic (redeliveries folded). */
    Map<String, Set<String>> requestsOnTopic(Set<String> caseIds) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.env().get("KAFKA_BOOTSTRAP_SERVERS"));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Set<String>> out = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(TOPIC).forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (caseIds.contains(r.key()) && "AssessmentRequested".equals(header(r, "ehcp-event-type"))) {
                        out.computeIfAbsent(r.key(), k -> new HashSet<>()).add(header(r, "ehcp-event-id"));
                    }
                }
            }
        }
        return out;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    int openInBacklog() {
        return new CaseSteps(stack).figures(la, "2025-01-01", "2025-08-25").getInt("backlog.open");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
