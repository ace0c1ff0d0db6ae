package org.ehcptracker.systemtests;


import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 7 item 9: a child's name and date of birth typed into every free-text field of every service stay in the
 * tables that own them, never reach Kafka, the event store or a read model, and are gone once the child's personal
 * details are erased. Every string published is a code, a uuid, a date or a pseudonymous reference.
 *
 * <p>Councils 862 and 865 are this class's own. To cover a new free-text field add one line to
 * {@link #FREE_TEXT} (and, if its service keeps it in a table of its own, that table to {@link #OWNING_TABLES}).
 */
@ExtendWith(SystemStack.Shared.class)
class PersonalDataScanSystemTest {

    static final String NAME = "Zebedee Quartermaine";
    static final String DOB = "2015-03-14";
    /** What a caseworker might type by mistake into any note. */
    static final String TYPED = NAME + " " + DOB;
    static final String LA = "862";
    static final String LA_REFUSING = "865";
    static final String CASEWORKER = CaseSteps.CASEWORKER;

    /**
     * The tables allowed to hold the child's name, date of birth or a note, before erasure, with why. Each is the
     * owning service's own, never published, and (for assessment-service) erased with the personal details.
     */
    static final Set<String> OWNING_TABLES = Set.of(
            "assessment.child_personal_details", // the name and date of birth, where they belong
            "assessment.case_note",              // refusal, exception and dispute notes
            "advice.advice_submission",          // the advice text an agency sent (may describe the child)
            "advice.advice_cancellation",        // the caseworker's note on why a request was cancelled
            "plan.parent_response");             // the family's comments on the draft plan

    /**
     * Tables that still hold typed text after assessment-service's erasure because their service has no erasure
     * of its own yet. None: advice-service and plan-service erase theirs on PersonalDetailsErased.
     */
    static final Set<String> NOT_ERASED_BY_ASSESSMENT = Set.of();

    static SystemStack stack;
    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    /** The cases the free text is typed into: one that goes to a plan, one refused and disputed. */
    static final Map<String, String> CASES = new HashMap<>();

    /** One free-text field of one service, and how a caseworker types text into it. */
    record FreeTextField(String service, String field, TypeInto typeInto) {
    }

    interface TypeInto {
        /** Types {@code text} into the field; returns the HTTP status the service answered. */
        int apply(String text);
    }

    /** Every free-text field, per service. Add new fields here. */
    static final List<FreeTextField> FREE_TEXT = List.of(
            new FreeTextField("assessment", "exception note", text -> api(stack.assessment.baseUrl())
                    .body(Map.of("limit", "FINAL_PLAN_20_WEEKS", "reason", "EXCEPTIONAL_PERSONAL_CIRCUMSTANCES",
                            "startDate", TODAY.minusDays(40).toString(), "note", text))
                    .post("/api/cases/{id}/exceptions", CASES.get("plan")).statusCode()),
            new FreeTextField("assessment", "refusalNote", text -> api(stack.assessment.baseUrl())
                    .body(Map.of("decision", "REFUSE", "decisionDate", TODAY.minusDays(60).toString(),
                            "refusalReason", "OTHER", "refusalNote", text))
                    .post("/api/cases/{id}/decision", CASES.get("refused")).statusCode()),
            new FreeTextField("assessment", "dispute note", text -> api(stack.assessment.baseUrl())
                    .body(Map.of("kind", "MEDIATION", "stage", "REFUSAL_TO_ASSESS",
                            "registeredDate", TODAY.minusDays(50).toString(), "note", text))
                    .post("/api/cases/{id}/disputes", CASES.get("refused")).statusCode()),
            new FreeTextField("advice", "submission summary", text -> api(stack.advice.baseUrl())
                    .body(Map.of("submittedDate", TODAY.minusDays(30).toString(), "summary", text))
                    .post("/api/advice-requests/{id}/submission", CASES.get("advice")).statusCode()),
            new FreeTextField("advice", "cancellation note", text -> api(stack.advice.baseUrl())
                    .body(Map.of("cancelledDate", TODAY.minusDays(30).toString(), "reason", "NO_LONGER_NEEDED", "note", text))
                    .post("/api/advice-requests/{id}/cancellation", CASES.get("adviceCancelled")).statusCode()),
            new FreeTextField("plan", "parent response comments", text -> api(stack.plan.baseUrl())
                    .body(Map.of("receivedDate", TODAY.minusDays(12).toString(), "comments", text))
                    .post("/api/cases/{id}/parent-response", CASES.get("plan")).statusCode()),
            new FreeTextField("plan", "settingType", text -> api(stack.plan.baseUrl())
                    .body(Map.of("issuedDate", TODAY.minusDays(10).toString(), "settingType", text))
                    .post("/api/cases/{id}/final-plan", CASES.get("plan")).statusCode()));

    /** A published string: a uuid, a date or instant, a code, a number, or a reference without spaces. */
    static final Pattern PUBLISHABLE = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"     // uuid
                    + "|\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z)?"                     // date or instant
                    + "|[A-Z][A-Z0-9_]*"                                      // code
                    + "|[A-Za-z0-9][A-Za-z0-9_-]{0,63}");                     // childRef, agencyId, LA code, URN

    @BeforeAll
    static void stack(SystemStack s) {
        stack = s;
    }

    static RequestSpecification api(String baseUrl) {
        return given().baseUri(baseUrl).header("Authorization", SystemStack.bearer(CASEWORKER)).contentType(ContentType.JSON);
    }

    @Test
    void a_name_and_date_of_birth_typed_everywhere_stay_in_their_owning_tables_and_erasure_removes_them() throws Exception {
        CaseSteps steps = new CaseSteps(stack);
        // the child's name and date of birth where they belong
        String plan = recordWithChild(LA, TODAY.minusDays(120), "PDS-PLAN");
        String refused = recordWithChild(LA_REFUSING, TODAY.minusDays(100), "PDS-REFUSED");
        CASES.put("plan", plan);
        CASES.put("refused", refused);
        steps.decideToAssess(plan, TODAY.minusDays(90).toString());
        CASES.put("advice", steps.requestAdvice(plan, "EDUCATIONAL_PSYCHOLOGY", "862-EPS", TODAY.minusDays(80).toString()));
        CASES.put("adviceCancelled", steps.requestAdvice(plan, "HEALTH", "862-HEALTH", TODAY.minusDays(80).toString()));
        api(stack.assessment.baseUrl()).body(Map.of("outcome", "ISSUE_PLAN", "conclusionDate", TODAY.minusDays(20).toString()))
                .post("/api/cases/{id}/conclusion", plan).then().statusCode(200);
        steps.issueDraft(plan, TODAY.minusDays(15).toString());

        List<String> refusedOutright = new ArrayList<>();
        for (FreeTextField f : FREE_TEXT) {
            int status = f.typeInto().apply(TYPED);
            assertThat(status).as(f.service() + " " + f.field() + " answered").isLessThan(500);
            if (status >= 400) {
                refusedOutright.add(f.service() + " " + f.field() + " (" + status + ")"); // refused: nothing stored
            }
        }
        System.out.println("free-text fields that refused the typed name outright: " + refusedOutright);
        // every event of the two cases has been published (the plan's FinalPlanIssued is the last one)
        await().atMost(Duration.ofSeconds(60)).until(() -> kafkaValues().stream().anyMatch(v -> v.contains(plan)
                && v.contains("FinalPlanIssued")) || refusedOutright.stream().anyMatch(r -> r.startsWith("plan")));

        // every finding is reported at once (soft assertions), so one run names every leak
        SoftAssertions scan = new SoftAssertions();
        scan.assertThat(kafkaFindings()).as("the name or date of birth on a Kafka topic").isEmpty();
        scan.assertThat(nonCodeStrings()).as("published strings that are not codes, uuids, dates or references").isEmpty();
        scan.assertThat(databaseFindings(OWNING_TABLES)).as("the name, date of birth or a note outside its owning tables")
                .isEmpty();
        List<String> withoutAllowList = databaseFindings(Set.of());
        System.out.println("with the allow-list emptied the scan finds: " + withoutAllowList);
        scan.assertThat(withoutAllowList).as("the owning tables do hold them (the scan sees them)").isNotEmpty();

        for (String caseId : List.of(plan, refused)) {
            // erasure is a team manager's act
            given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer("team-manager:system-test"))
                    .delete("/api/cases/{id}/personal-details", caseId).then().statusCode(204);
        }
        // advice-service and plan-service erase their text on PersonalDetailsErased, which travels through Kafka
        List<String> afterErasure = new ArrayList<>();
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                afterErasure.clear();
                afterErasure.addAll(databaseFindings(NOT_ERASED_BY_ASSESSMENT));
                return afterErasure.isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException stillThere) {
            // reported below with what is left
        }
        scan.assertThat(afterErasure).as("the name, date of birth or a note after erasure").isEmpty();
        scan.assertThat(kafkaFindings()).as("the name or date of birth on a Kafka topic after erasure").isEmpty();
        scan.assertAll();
    }

    static String recordWithChild(String la, LocalDate received, String childRef) {
        String caseId = UUID.randomUUID().toString();
        api(stack.assessment.baseUrl()).body(Map.of("caseId", caseId, "localAuthorityCode", la, "receivedDate",
                        received.toString(), "requestedBy", "PARENT", "childRef", childRef, "childName", NAME,
                        "childDateOfBirth", DOB))
                .post("/api/cases").then().statusCode(201);
        return caseId;
    }

    // ---- Kafka ---------------------------------------------------------------------------------------------

    /** Every record's value on every topic, from the beginning. */
    static List<String> kafkaValuesWithPlace(List<String> places) throws Exception {
        String servers = stack.env().get("KAFKA_BOOTSTRAP_SERVERS");
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        Set<String> topics;
        try (Admin a = Admin.create(admin)) {
            topics = a.listTopics().names().get();
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value() == null ? "" : r.value());
                    places.add(r.topic() + "@" + r.partition() + ":" + r.offset());
                }
            }
        }
        return values;
    }

    static List<String> kafkaValues() throws Exception {
        return kafkaValuesWithPlace(new ArrayList<>());
    }

    /** Records holding the name or the date of birth, as topic@partition:offset. */
    static List<String> kafkaFindings() throws Exception {
        List<String> places = new ArrayList<>();
        List<String> values = kafkaValuesWithPlace(places);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v.contains(NAME) || v.contains(DOB) || v.contains("Zebedee")) {
                List<String> fields = new ArrayList<>();
                try {
                    JsonNode event = JSON.readTree(v);
                    event.fields().forEachRemaining(e -> {
                        if (e.getValue().toString().contains("Zebedee") || e.getValue().toString().contains(DOB)) {
                            fields.add(e.getKey());
                        }
                    });
                    found.add(places.get(i) + " " + event.path("type").asText() + " " + fields);
                } catch (Exception notJson) {
                    found.add(places.get(i) + " (not JSON)");
                }
            }
        }
        return found;
    }

    /** Every string value of every published event of this class's cases that is not a code, uuid, date or reference. */
    static List<String> nonCodeStrings() throws Exception {
        List<String> bad = new ArrayList<>();
        for (String value : kafkaValues()) {
            if (!CASES.values().stream().anyMatch(value::contains)) {
                continue; // another class's case
            }
            JsonNode event = JSON.readTree(value);
            collectNonCodes(event, "", bad);
        }
        return bad;
    }

    private static void collectNonCodes(JsonNode node, String path, List<String> bad) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collectNonCodes(e.getValue(), path + "." + e.getKey(), bad));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectNonCodes(node.get(i), path + "[" + i + "]", bad);
            }
        } else if (node.isTextual() && !PUBLISHABLE.matcher(node.asText()).matches()) {
            bad.add(path + " = " + node.asText());
        }
    }

    // ---- PostgreSQL ----------------------------------------------------------------------------------------

    /**
     * Every column of every table of every service's database that holds text, json or a date, searched for the
     * name, the date of birth or any part of the typed note; tables in {@code allowed} ("database.table") are
     * skipped. Answers "database.table.column (n rows)".
     */
    static List<String> databaseFindings(Set<String> allowed) throws Exception {
        Map<String, String> env = stack.env();
        List<String> found = new ArrayList<>();
        for (String db : List.of("assessment", "advice", "plan", "reporting")) {
            String url = "jdbc:postgresql://" + env.get("PGHOST") + ":" + env.get("PGPORT") + "/" + db;
            try (Connection c = DriverManager.getConnection(url, env.get("PGUSER"), env.get("PGPASSWORD"))) {
                List<String[]> columns = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("""
                        select table_schema, table_name, column_name from information_schema.columns
                        where table_schema not in ('pg_catalog', 'information_schema')
                          and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'date')
                        order by 1, 2, 3""");
                     ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                    }
                }
                for (String[] col : columns) {
                    if (allowed.contains(db + "." + col[1])) {
                        continue;
                    }
                    String sql = "select count(*) from \"" + col[0] + "\".\"" + col[1] + "\" where cast(\"" + col[2]
                            + "\" as text) like ? or cast(\"" + col[2] + "\" as text) like ? or cast(\"" + col[2]
                            + "\" as text) like ?";
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        s.setString(1, "%" + NAME + "%");
                        s.setString(2, "%" + DOB + "%");
                        s.setString(3, "%Zebedee%");
                        try (ResultSet rs = s.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add(db + "." + col[1] + "." + col[2] + " (" + rs.getLong(1) + " rows)");
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
