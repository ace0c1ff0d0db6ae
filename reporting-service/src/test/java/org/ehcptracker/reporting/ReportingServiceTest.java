package org.ehcptracker.reporting;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ehcptracker.contracts.ContractExamples;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.contracts.plan.PlanQualityAudited;
import org.ehcptracker.contracts.plan.QualityGrade;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.TestInfra;
import org.ehcptracker.reporting.domain.Events;
import org.ehcptracker.reporting.domain.HandWorkedCases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole service against real PostgreSQL and Kafka: events published to the three topics, read
 * back through the API. Waits (Awaitility) until the projections hold the expected state; never
 * asserts how long that takes.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class ReportingServiceTest {

    static final String ACTOR = "board:member1";
    /** the case timeline is a caseworker's (docs/reporting.md, "Who may call what") */
    static final String CASEWORKER = "caseworker:cw1";
    static final ObjectMapper JSON = EventJson.newObjectMapper();
    static final EventJson EVENTS = new EventJson();
    static final Duration PATIENCE = Duration.ofSeconds(90);

    static KafkaCompanion kafka;

    @Inject
    Pool pool;

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(TestInfra.get().kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    // ---- readiness -------------------------------------------------------------------------------

    @Test
    void ready_once_each_of_the_three_consumers_holds_partitions_and_has_caught_up() {
        // the check reads the Kafka clients' own assignment and lag (messaging.ConsumerReadiness); before the
        // group assigned partitions it was DOWN ("no partitions assigned"), which ConsumerReadinessTest shows
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

        JsonNode ready = readJson(given().get("/q/health/ready").then().statusCode(200).extract().asString());
        JsonNode consumers = null;
        for (JsonNode check : ready.get("checks")) {
            if (check.get("name").asText().equals("kafka consumers caught up")) {
                consumers = check;
            }
        }
        assertThat(consumers).as("the consumers' readiness check in %s", ready).isNotNull();
        assertThat(consumers.get("status").asText()).isEqualTo("UP");
        for (String channel : List.of("assessment-events", "advice-events", "plan-events")) {
            assertThat(consumers.get("data").get(channel).asText()).as(channel).matches("\\d+ partitions?, lag \\d+");
        }
        assertThat(consumers.get("data").get("maxLag").asLong()).isEqualTo(1000);
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(text, e);
        }
    }

    // ---- the hand-worked figures ---------------------------------------------------------------

    static final String THREE_CASES_FIGURES = """
            {"localAuthorityCode": "931", "from": "2025-01-01", "to": "2025-08-25",
             "plansIssued": 2, "issuedWithin20Weeks": 1, "percentWithin20Weeks": 50.0, "averageWeeksToIssue": 22.0,
             "excludingExceptions": {"plansIssued": 2, "issuedWithin20Weeks": 1, "percentWithin20Weeks": 50.0,
                                     "averageWeeksToIssue": 22.0},
             "backlog": {"asOf": "2025-08-25", "open": 1, "past20Weeks": 1, "past30Weeks": 1, "past52Weeks": 0,
                         "averageWeeksOpen": 31.0}}""";

    @Test
    void three_hand_worked_cases_give_the_expected_figures_and_a_redelivery_changes_nothing() {
        Events a = Events.forNewCase("931");
        Events b = Events.forNewCase("931");
        Events c = Events.forNewCase("931");
        List<IntegrationEvent> events = new ArrayList<>();
        events.addAll(HandWorkedCases.caseA(a)); // 133 days, within
        events.addAll(HandWorkedCases.caseB(b)); // 175 days, late
        events.addAll(HandWorkedCases.caseC(c)); // open, 217 days on 2025-08-25

        // the plan topic first: a FinalPlanIssued arrives before its case's AssessmentRequested
        publish(planEventsFirst(events));
        awaitFigures("931", "2025-01-01", "2025-08-25", THREE_CASES_FIGURES);

        // redelivery: the same records again, then a marker per case on each of its partitions, so that
        // once the markers are in, the duplicates before them have been consumed too
        publish(planEventsFirst(events));
        List<IntegrationEvent> markers = List.of(
                marker(a), assessmentMarker(a), marker(b), assessmentMarker(b), assessmentMarker(c));
        publish(markers);
        for (Events kase : List.of(a, b, c)) {
            int expected = (int) Stream.concat(events.stream(), markers.stream())
                    .filter(e -> e.caseId().equals(kase.caseId())).count();
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(timeline(kase.caseId())).hasSize(expected));
        }
        assertThat(figures("931", "2025-01-01", "2025-08-25")).isEqualTo(tree(THREE_CASES_FIGURES));
        assertThat(count("select count(*) from case_timeline where case_id = any($1)",
                new UUID[] {a.caseId(), b.caseId(), c.caseId()})).isEqualTo(events.size() + markers.size());
    }

    @Test
    void the_timeline_is_in_business_date_order_whatever_the_arrival_order() {
        Events a = Events.forNewCase("933");
        List<IntegrationEvent> events = HandWorkedCases.caseA(a);
        publish(planEventsFirst(events));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(timeline(a.caseId())).hasSize(4));
        JsonNode t = timeline(a.caseId());
        assertThat(t.findValuesAsText("type")).containsExactly(
                "AssessmentRequested", "AssessmentDecided", "AssessmentConcluded", "FinalPlanIssued");
        assertThat(t.findValuesAsText("source")).containsExactly("assessment", "assessment", "assessment", "plan");
        assertThat(t.findValuesAsText("businessDate")).containsExactly(
                "2025-01-06", "2025-02-10", "2025-04-14", "2025-05-19");
        assertThat(t.get(0).get("occurredAt").asText()).isEqualTo("2025-01-06T10:00:00Z");
        JsonNode planDetails = t.get(3).get("details");
        assertThat(planDetails.get("requestReceivedDate").asText()).isEqualTo("2025-01-06");
        assertThat(planDetails.get("namedSettingUrn").asText()).isEqualTo("139021");
        assertThat(planDetails.has("eventId")).isFalse();
        assertThat(planDetails.has("caseId")).isFalse();
        assertThat(planDetails.has("type")).isFalse();
        assertThat(planDetails.has("businessDate")).isFalse();
    }

    /**
     * All the kinds of case of docs/reporting.md in one LA; then the read models of these cases are
     * dropped (rows and processed_event entries) and the same events replayed in another order, as a
     * rebuild from the topics would: the figures are the same.
     */
    @Test
    void every_kind_of_case_and_a_rebuild_in_another_order_gives_the_same_figures() {
        List<Events> cases = new ArrayList<>();
        List<IntegrationEvent> events = new ArrayList<>();
        for (var kase : List.<java.util.function.Function<Events, List<IntegrationEvent>>>of(
                HandWorkedCases::caseA, HandWorkedCases::caseB, HandWorkedCases::caseC,
                HandWorkedCases::exceptionCase, HandWorkedCases::mediationCase,
                HandWorkedCases::transferredInIssued, HandWorkedCases::transferredInOpen)) {
            Events c = Events.forNewCase("932");
            cases.add(c);
            events.addAll(kase.apply(c));
        }
        // all plans: A 133 within, B 175, exception case 168, transfer 133 within (mediation left out):
        //   2 of 4 = 50.0%, (133 + 175 + 168 + 133) / 4 / 7 = 609 / 28 = 21.75 -> 21.8
        // excluding exceptions: A, B, transfer: 2 of 3 = 66.7%, (133 + 175 + 133) / 3 / 7 = 441 / 21 = 21.0
        // backlog on 2025-08-25: C 217 days (past 20 and 30), transferred-in open case 84 days:
        //   (217 + 84) / 2 / 7 = 301 / 14 = 21.5
        String expected = """
                {"localAuthorityCode": "932", "from": "2025-01-01", "to": "2025-08-25",
                 "plansIssued": 4, "issuedWithin20Weeks": 2, "percentWithin20Weeks": 50.0, "averageWeeksToIssue": 21.8,
                 "excludingExceptions": {"plansIssued": 3, "issuedWithin20Weeks": 2, "percentWithin20Weeks": 66.7,
                                         "averageWeeksToIssue": 21.0},
                 "backlog": {"asOf": "2025-08-25", "open": 2, "past20Weeks": 1, "past30Weeks": 1, "past52Weeks": 0,
                             "averageWeeksOpen": 21.5}}""";
        publish(events);
        awaitFigures("932", "2025-01-01", "2025-08-25", expected);

        UUID[] caseIds = cases.stream().map(Events::caseId).toArray(UUID[]::new);
        UUID[] eventIds = events.stream().map(IntegrationEvent::eventId).toArray(UUID[]::new);
        pool.preparedQuery("delete from case_progress where case_id = any($1)").executeAndAwait(Tuple.of(caseIds));
        pool.preparedQuery("delete from case_timeline where case_id = any($1)").executeAndAwait(Tuple.of(caseIds));
        pool.preparedQuery("delete from processed_event where event_id = any($1)").executeAndAwait(Tuple.of(eventIds));
        assertThat(figures("932", "2025-01-01", "2025-08-25").get("plansIssued").asInt()).isZero();

        List<IntegrationEvent> replay = new ArrayList<>(events);
        Collections.shuffle(replay, new Random(932));
        publish(replay);
        awaitFigures("932", "2025-01-01", "2025-08-25", expected);
    }

    /**
     * A 20-week exception withdrawn as recorded in error (ExceptionWithdrawn) brings its plan back into the
     * headline "excluding exceptions"; the row keeps the exception ids through the database.
     */
    @Test
    void a_withdrawn_20_week_exception_brings_the_plan_back_into_excluding_exceptions() {
        Events a = Events.forNewCase("934");
        Events c = Events.forNewCase("934");
        Events x = Events.forNewCase("934");
        List<IntegrationEvent> withdrawnCase = HandWorkedCases.exceptionWithdrawnCase(x);
        IntegrationEvent withdrawal = withdrawnCase.stream()
                .filter(e -> e instanceof org.ehcptracker.contracts.assessment.ExceptionWithdrawn).findFirst().orElseThrow();
        List<IntegrationEvent> before = new ArrayList<>(HandWorkedCases.caseA(a));
        before.addAll(HandWorkedCases.caseC(c));
        before.addAll(withdrawnCase.stream().filter(e -> e != withdrawal).toList());
        // all plans: A 133 within, the exception case 168 late: 1 of 2 = 50.0%, (133 + 168) / 2 / 7 = 301 / 14 = 21.5
        // backlog on 2025-08-25: C 217 days (past 20 and 30) = 31.0 weeks
        String backlog = """
                 "backlog": {"asOf": "2025-08-25", "open": 1, "past20Weeks": 1, "past30Weeks": 1, "past52Weeks": 0,
                             "averageWeeksOpen": 31.0}}""";
        String all = """
                {"localAuthorityCode": "934", "from": "2025-01-01", "to": "2025-08-25",
                 "plansIssued": 2, "issuedWithin20Weeks": 1, "percentWithin20Weeks": 50.0, "averageWeeksToIssue": 21.5,
                """;
        publish(before);
        // while the exception holds, excluding exceptions is A alone: 1 of 1 = 100.0%, 133 / 7 = 19.0
        awaitFigures("934", "2025-01-01", "2025-08-25", all + """
                 "excludingExceptions": {"plansIssued": 1, "issuedWithin20Weeks": 1, "percentWithin20Weeks": 100.0,
                                         "averageWeeksToIssue": 19.0},""" + backlog);

        publish(List.of(withdrawal));
        // withdrawn: the exception case counts again, as in all plans
        awaitFigures("934", "2025-01-01", "2025-08-25", all + """
                 "excludingExceptions": {"plansIssued": 2, "issuedWithin20Weeks": 1, "percentWithin20Weeks": 50.0,
                                         "averageWeeksToIssue": 21.5},""" + backlog);
        Row row = pool.preparedQuery("select has_20_week_exception, twenty_week_exception_ids, withdrawn_exception_ids"
                + " from case_progress where case_id = $1").executeAndAwait(Tuple.of(x.caseId())).iterator().next();
        assertThat(row.getBoolean(0)).isFalse();
        assertThat(row.getString(1)).isEqualTo(row.getString(2));
    }

    /**
     * Council 937: a re-assessment (Reg 27) among initial cases changes no /figures figure (docs/reporting.md,
     * "Initial requests only"), and case_progress keeps its request kind through the database. A: 133 days,
     * within; the re-assessment R received 2025-01-06, final plan 2025-06-30 (day 175: late if it counted);
     * the re-assessment O received 2025-02-03, open (would be in the backlog).
     */
    @Test
    void a_reassessment_changes_no_figure() {
        Events a = Events.forNewCase("937");
        Events r = Events.forNewCase("937");
        Events o = Events.forNewCase("937");
        publish(HandWorkedCases.caseA(a));
        String aAlone = """
                {"localAuthorityCode": "937", "from": "2025-01-01", "to": "2025-08-25",
                 "plansIssued": 1, "issuedWithin20Weeks": 1, "percentWithin20Weeks": 100.0, "averageWeeksToIssue": 19.0,
                 "excludingExceptions": {"plansIssued": 1, "issuedWithin20Weeks": 1, "percentWithin20Weeks": 100.0,
                                         "averageWeeksToIssue": 19.0},
                 "backlog": {"asOf": "2025-08-25", "open": 0, "past20Weeks": 0, "past30Weeks": 0, "past52Weeks": 0,
                             "averageWeeksOpen": null}}""";
        awaitFigures("937", "2025-01-01", "2025-08-25", aAlone);
        publish(List.of(r.reassessmentRequested(LocalDate.parse("2025-01-06")),
                r.finalPlan(LocalDate.parse("2025-06-30"), LocalDate.parse("2025-01-06")),
                o.reassessmentRequested(LocalDate.parse("2025-02-03"))));
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (UUID id : List.of(r.caseId(), o.caseId())) {
                var rows = pool.preparedQuery("select request_kind from case_progress where case_id = $1")
                        .executeAndAwait(Tuple.of(id));
                assertThat(rows.size()).isEqualTo(1);
                assertThat(rows.iterator().next().getString(0)).isEqualTo("REASSESSMENT");
            }
            var plan = pool.preparedQuery("select final_plan_issued_date from case_progress where case_id = $1")
                    .executeAndAwait(Tuple.of(r.caseId()));
            assertThat(plan.iterator().next().getLocalDate(0)).isEqualTo(LocalDate.parse("2025-06-30"));
        });
        assertThat(figures("937", "2025-01-01", "2025-08-25")).isEqualTo(tree(aAlone));
        Row kind = pool.preparedQuery("select request_kind from case_progress where case_id = $1")
                .executeAndAwait(Tuple.of(a.caseId())).iterator().next();
        assertThat(kind.getString(0)).isEqualTo("INITIAL");
    }

    // ---- refusals -------------------------------------------------------------------------------

    @Test
    void a_case_never_seen_is_a_404_problem() {
        given().header("Authorization", TestTokens.bearer(CASEWORKER))
                .when().get("/api/cases/{id}/timeline", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().header("Authorization", TestTokens.bearer(CASEWORKER))
                .when().get("/api/cases/{id}/timeline", "not-a-uuid")
                .then().statusCode(400)
                .body("field", equalTo("caseId"));
    }

    @Test
    void bad_query_parameters_are_400_problems_naming_the_field() {
        badFigures("839", null, "2025-08-31", "from");
        badFigures("839", "2025-01-01", null, "to");
        badFigures("839", "2025-01-01", "2025-13-01", "to");
        badFigures("839", "01/01/2025", "2025-08-31", "from");
        badFigures("839", "2025-09-01", "2025-08-31", "from"); // from after to
        badFigures("83", "2025-01-01", "2025-08-31", "la");
        badFigures("83a", "2025-01-01", "2025-08-31", "la");
        badFigures("8391", "2025-01-01", "2025-08-31", "la");
        // a single-day period is fine
        given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("from", "2025-08-31").queryParam("to", "2025-08-31")
                .when().get("/api/local-authorities/{la}/figures", "839")
                .then().statusCode(200).body("localAuthorityCode", equalTo("839"));
    }

    @Test
    void an_api_call_without_an_actor_is_refused() {
        given().queryParam("from", "2025-01-01").queryParam("to", "2025-08-31")
                .when().get("/api/local-authorities/{la}/figures", "839")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    // ---- consumer contract ---------------------------------------------------------------------

    /**
     * Every example of every topic, with a fresh case and event id, is read and lands in the
     * timeline with its details (the example minus the common fields); published twice, it lands
     * once. A second copy with another event id follows on the same partition, so once it is in,
     * the duplicate before it has been consumed.
     */
    @Test
    void every_contract_example_of_every_topic_lands_in_the_timeline_once() {
        assertThat(ContractExamples.types()).hasSize(EventJson.knownTypes().size());
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        List<UUID> caseIds = new ArrayList<>();
        for (String type : ContractExamples.types()) {
            UUID caseId = UUID.randomUUID();
            caseIds.add(caseId);
            String topic = topicOf(EventJson.classOf(type));
            String first = withIds(ContractExamples.json(type), caseId, UUID.randomUUID());
            String second = withIds(ContractExamples.json(type), caseId, UUID.randomUUID());
            records.add(new ProducerRecord<>(topic, caseId.toString(), first));
            records.add(new ProducerRecord<>(topic, caseId.toString(), first)); // redelivery
            records.add(new ProducerRecord<>(topic, caseId.toString(), second));
        }
        kafka.produceStrings().fromRecords(records).awaitCompletion(PATIENCE);

        int i = 0;
        for (String type : ContractExamples.types()) {
            UUID caseId = caseIds.get(i++);
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(timeline(caseId)).hasSize(2));
            JsonNode entry = timeline(caseId).get(0);
            JsonNode example = tree(ContractExamples.json(type));
            assertThat(entry.get("type").asText()).isEqualTo(type);
            assertThat(entry.get("source").asText()).isEqualTo(sourceOf(EventJson.classOf(type)));
            assertThat(entry.get("businessDate").asText()).isEqualTo(example.get("businessDate").asText());
            ObjectNode expectedDetails = ((ObjectNode) example).deepCopy();
            expectedDetails.remove(List.of("type", "eventId", "caseId", "localAuthorityCode", "businessDate",
                    "occurredAt", "schemaVersion"));
            assertThat(entry.get("details")).as(type + " details").isEqualTo(expectedDetails);
        }
    }

    /**
     * A record published before AssessmentDecided v2 (still on the topic, or replayed): its free-text refusal
     * reason may hold a name. The timeline stores it as the reader sees it (the code OTHER), never the text.
     */
    @Test
    void a_v1_refusal_with_free_text_lands_in_the_timeline_as_OTHER_without_the_text() {
        UUID caseId = UUID.randomUUID();
        ObjectNode v1 = (ObjectNode) tree(withIds(ContractExamples.json("AssessmentDecided"), caseId, UUID.randomUUID()));
        v1.put("schemaVersion", 1);
        v1.put("decision", "REFUSE");
        v1.put("refusalReason", "Zebedee Quartermaine (born 19/07/2016): needs met at school");
        kafka.produceStrings().fromRecords(List.of(new ProducerRecord<>(topicOf(AssessmentDecided.class), caseId.toString(),
                v1.toString()))).awaitCompletion(PATIENCE);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(timeline(caseId)).hasSize(1));
        JsonNode details = timeline(caseId).get(0).get("details");
        assertThat(details.get("decision").asText()).isEqualTo("REFUSE");
        assertThat(details.get("refusalReason").asText()).isEqualTo("OTHER");
        assertThat(count("select count(*) from case_timeline where case_id = any($1) and details::text like '%Zebedee%'",
                new UUID[] {caseId})).isZero();
    }

    // ---- helpers --------------------------------------------------------------------------------

    static List<IntegrationEvent> planEventsFirst(List<IntegrationEvent> events) {
        List<IntegrationEvent> ordered = new ArrayList<>(events.stream().filter(e -> e instanceof PlanEvent).toList());
        ordered.addAll(events.stream().filter(e -> !(e instanceof PlanEvent)).toList());
        return ordered;
    }

    /** A plan event that changes the timeline and nothing else. */
    static IntegrationEvent marker(Events c) {
        return new PlanQualityAudited(UUID.randomUUID(), c.caseId(), c.la(), LocalDate.parse("2025-08-20"),
                java.time.Instant.parse("2025-08-20T10:00:00Z"), 1, UUID.randomUUID(), QualityGrade.GOOD, 72,
                List.of(new org.ehcptracker.contracts.plan.CriterionScore("SMART_OUTCOMES", 7)));
    }

    /** An assessment event that changes the timeline and nothing the figures use (not the 20-week limit). */
    static IntegrationEvent assessmentMarker(Events c) {
        return c.exception(LocalDate.parse("2025-08-20"), StatutoryLimit.DECISION_6_WEEKS);
    }

    void publish(List<IntegrationEvent> events) {
        List<ProducerRecord<String, String>> records = events.stream()
                .map(e -> new ProducerRecord<>(topicOf(e.getClass()), e.caseId().toString(), EVENTS.write(e)))
                .toList();
        kafka.produceStrings().fromRecords(records).awaitCompletion(PATIENCE);
    }

    static String topicOf(Class<?> type) {
        if (AssessmentEvent.class.isAssignableFrom(type)) {
            return Topics.ASSESSMENT_EVENTS;
        }
        if (AdviceEvent.class.isAssignableFrom(type)) {
            return Topics.ADVICE_EVENTS;
        }
        return Topics.PLAN_EVENTS;
    }

    static String sourceOf(Class<?> type) {
        return AssessmentEvent.class.isAssignableFrom(type) ? "assessment"
                : AdviceEvent.class.isAssignableFrom(type) ? "advice" : "plan";
    }

    static String withIds(String exampleJson, UUID caseId, UUID eventId) {
        ObjectNode tree = (ObjectNode) tree(exampleJson);
        tree.put("caseId", caseId.toString());
        tree.put("eventId", eventId.toString());
        return tree.toString();
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode figures(String la, String from, String to) {
        return tree(given().header("Authorization", TestTokens.bearer(ACTOR)).queryParam("from", from).queryParam("to", to)
                .when().get("/api/local-authorities/{la}/figures", la)
                .then().statusCode(200).extract().asString());
    }

    static void awaitFigures(String la, String from, String to, String expected) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(figures(la, from, to)).isEqualTo(tree(expected)));
    }

    static JsonNode timeline(UUID caseId) {
        var response = given().header("Authorization", TestTokens.bearer(CASEWORKER)).when().get("/api/cases/{id}/timeline", caseId);
        if (response.statusCode() == 404) {
            return JSON.createArrayNode();
        }
        return tree(response.then().statusCode(200).extract().asString());
    }

    static void badFigures(String la, String from, String to, String field) {
        var request = given().header("Authorization", TestTokens.bearer(ACTOR));
        if (from != null) {
            request = request.queryParam("from", from);
        }
        if (to != null) {
            request = request.queryParam("to", to);
        }
        request.when().get("/api/local-authorities/{la}/figures", la)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo(field));
    }

    long count(String sql, Object param) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.of(param)).iterator().next().getLong(0);
    }
}
