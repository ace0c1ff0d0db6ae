package org.ehcptracker.advice.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ehcptracker.advice.it.Fixtures.WAIT;
import static org.ehcptracker.advice.it.Fixtures.adviceEventsOf;
import static org.ehcptracker.advice.it.Fixtures.awaitCaseStatus;
import static org.ehcptracker.advice.it.Fixtures.caseAcceptedForAssessment;
import static org.ehcptracker.advice.it.Fixtures.example;
import static org.ehcptracker.advice.it.Fixtures.publishAssessmentEvent;
import static org.ehcptracker.advice.it.Fixtures.read;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.ehcptracker.contracts.ContractExamples;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Reg 6(4), existing advice reused instead of a new request (issue 8 item 2), on council 883's cases (no other class
 * uses 883). Cases are received 3 March 2025 and decided 10 April 2025 (the contract examples); the advice reused is
 * dated 20 January 2025; "today" is the council's date when the test runs.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "advice"))
class AdviceReuseApiTest {

    static final String COUNCIL = "883";
    static final String CASEWORKER = TestTokens.as("caseworker:cw-883").councils(COUNCIL).bearer();
    static final String OTHER_COUNCIL = TestTokens.as("caseworker:cw-857").councils("857").bearer();
    static final String AGENCY = "883-EPS";
    static final String NOTE = "EP report of January 2025 still current; the family and the EP agreed on the phone";

    @Inject
    Pool pool;

    static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", token);
    }

    static Map<String, Object> body(String type) {
        Map<String, Object> body = new HashMap<>();
        body.put("adviceType", type);
        body.put("agencyId", AGENCY);
        body.put("adviceDate", "2025-01-20");
        body.put("familyAgreed", true);
        body.put("adviserAgreed", true);
        body.put("note", NOTE);
        return body;
    }

    static Map<String, Object> body(String type, String field, Object value) {
        Map<String, Object> body = body(type);
        body.put(field, value);
        return body;
    }

    UUID acceptedCase() {
        UUID caseId = UUID.randomUUID();
        caseAcceptedForAssessment(pool, caseId, COUNCIL);
        return caseId;
    }

    long events(UUID caseId, String type) {
        return pool.preparedQuery("select count(*) as n from event where case_id = $1 and type = $2")
                .execute(Tuple.of(caseId, type)).await().atMost(WAIT).iterator().next().getLong("n");
    }

    @Test
    void reused_advice_is_recorded_published_as_codes_and_never_reaches_the_agency() {
        UUID caseId = acceptedCase();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        var records = adviceEventsOf(caseId);
        try {
            as(CASEWORKER).body(body("EDUCATIONAL_PSYCHOLOGY")).post("/api/cases/{caseId}/advice-reuses", caseId).then()
                    .statusCode(201)
                    .header("Location", containsString("/api/cases/" + caseId + "/advice-reuses/EDUCATIONAL_PSYCHOLOGY"))
                    .body("adviceType", equalTo("EDUCATIONAL_PSYCHOLOGY"))
                    .body("agencyId", equalTo(AGENCY))
                    .body("adviceDate", equalTo("2025-01-20"))
                    .body("localAuthorityCode", equalTo(COUNCIL))
                    .body("recordedBy", equalTo("caseworker:cw-883"))
                    .body("note", equalTo(NOTE));

            // on the topic: one ExistingAdviceReused, codes and dates only, the contract example's fields and JSON types
            await().atMost(WAIT).untilAsserted(() -> assertThat(records.getRecords()).hasSize(1));
            JsonNode published = read(records.getRecords().get(0).value());
            assertThat(records.getRecords().get(0).value()).doesNotContain("EP report").doesNotContain("phone");
            assertThat(published.get("type").asText()).isEqualTo("ExistingAdviceReused");
            assertThat(published.get("adviceType").asText()).isEqualTo("EDUCATIONAL_PSYCHOLOGY");
            assertThat(published.get("agencyId").asText()).isEqualTo(AGENCY);
            assertThat(published.get("adviceDate").asText()).isEqualTo("2025-01-20");
            // recorded today (the council's date; the test may straddle midnight, so today or the day after)
            assertThat(LocalDate.parse(published.get("businessDate").asText())).isBetween(today, today.plusDays(1));
            JsonNode example = read(ContractExamples.json("ExistingAdviceReused"));
            assertThat(iterable(published.fieldNames())).containsExactlyInAnyOrderElementsOf(iterable(example.fieldNames()));
            example.fields().forEachRemaining(f -> assertThat(published.get(f.getKey()).getNodeType()).as(f.getKey())
                    .isEqualTo(f.getValue().getNodeType()));
        } finally {
            records.close();
        }
        var actor = pool.preparedQuery("select metadata->>'actor' as actor from event where case_id = $1 and type = 'ExistingAdviceReused'")
                .execute(Tuple.of(caseId)).await().atMost(WAIT).iterator().next().getString("actor");
        assertThat(actor).isEqualTo("caseworker:cw-883");

        as(CASEWORKER).get("/api/cases/{caseId}/advice-reuses", caseId).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].note", equalTo(NOTE));
        as(CASEWORKER).get("/api/cases/{caseId}/advice-reuses/EDUCATIONAL_PSYCHOLOGY", caseId).then().statusCode(200)
                .body("agencyId", equalTo(AGENCY));
        as(CASEWORKER).get("/api/cases/{caseId}/advice-reuses/HEALTH", caseId).then().statusCode(404)
                .contentType("application/problem+json");
        // no advice request: nothing in the case's requests, nothing in the agency's inbox, no AdviceRequested
        as(CASEWORKER).get("/api/cases/{caseId}/advice-requests", caseId).then().statusCode(200).body("size()", equalTo(0));
        as(CASEWORKER).get("/api/agencies/{agencyId}/inbox", AGENCY).then().statusCode(200).body("total", equalTo(0));
        assertThat(events(caseId, "AdviceRequested")).isZero();
    }

    @Test
    void a_duplicate_type_is_409_and_two_at_once_store_one_event() throws Exception {
        UUID caseId = acceptedCase();
        List<CompletableFuture<Integer>> calls = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> as(CASEWORKER).body(body("HEALTH"))
                        .post("/api/cases/{caseId}/advice-reuses", caseId).then().extract().statusCode()))
                .toList();
        List<Integer> statuses = List.of(calls.get(0).get(), calls.get(1).get());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(events(caseId, "ExistingAdviceReused")).isEqualTo(1);

        as(CASEWORKER).body(body("HEALTH")).post("/api/cases/{caseId}/advice-reuses", caseId).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("already recorded as reused"));
        assertThat(events(caseId, "ExistingAdviceReused")).isEqualTo(1);
    }

    @Test
    void a_type_already_requested_is_409_until_the_request_is_cancelled() {
        UUID caseId = acceptedCase();
        String location = as(CASEWORKER).body(Map.of("adviceType", "SOCIAL_CARE", "agencyId", "883-SC", "requestedDate", "2025-04-11"))
                .post("/api/cases/{caseId}/advice-requests", caseId).then().statusCode(201).extract().header("Location");
        as(CASEWORKER).body(body("SOCIAL_CARE")).post("/api/cases/{caseId}/advice-reuses", caseId).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("EXISTING_ADVICE_REUSED"));
        as(CASEWORKER).body(Map.of("reason", "EXISTING_ADVICE_REUSED")).post(location + "/cancellation").then().statusCode(200);
        as(CASEWORKER).body(body("SOCIAL_CARE")).post("/api/cases/{caseId}/advice-reuses", caseId).then().statusCode(201);
    }

    @Test
    void a_closed_or_unknown_case_is_422_naming_caseId() {
        UUID caseId = acceptedCase();
        publishAssessmentEvent(example("RequestWithdrawn", caseId, Map.of("localAuthorityCode", COUNCIL)));
        awaitCaseStatus(pool, caseId, "WITHDRAWN");
        as(CASEWORKER).body(body("EDUCATION")).post("/api/cases/{caseId}/advice-reuses", caseId).then().statusCode(422)
                .contentType("application/problem+json").body("field", equalTo("caseId"))
                .body("detail", containsString("withdrawn"));
        as(CASEWORKER).body(body("EDUCATION")).post("/api/cases/{caseId}/advice-reuses", UUID.randomUUID()).then().statusCode(422)
                .body("field", equalTo("caseId"));
        assertThat(events(caseId, "ExistingAdviceReused")).isZero();
    }

    @Test
    void bad_input_is_400_naming_the_field_and_a_refused_reuse_422_naming_it() {
        UUID caseId = acceptedCase();
        String future = LocalDate.now(ZoneId.of("Europe/London")).plusDays(2).toString();
        as(CASEWORKER).body(body("EDUCATION", "adviceDate", future)).post("/api/cases/{caseId}/advice-reuses", caseId).then()
                .statusCode(422).contentType("application/problem+json").body("field", equalTo("adviceDate"));
        as(CASEWORKER).body(body("EDUCATION", "familyAgreed", false)).post("/api/cases/{caseId}/advice-reuses", caseId).then()
                .statusCode(422).body("field", equalTo("familyAgreed")).body("detail", containsString("Reg 6(4)"));
        as(CASEWORKER).body(body("EDUCATION", "adviserAgreed", false)).post("/api/cases/{caseId}/advice-reuses", caseId).then()
                .statusCode(422).body("field", equalTo("adviserAgreed"));

        as(CASEWORKER).body(body("EDUCATION", "adviceDate", "2014-08-31")).post("/api/cases/{caseId}/advice-reuses", caseId).then()
                .statusCode(400).contentType("application/problem+json").body(containsString("adviceDate"));
        as(CASEWORKER).body(body("EDUCATION", "note", "before\u0000after")).post("/api/cases/{caseId}/advice-reuses", caseId).then()
                .statusCode(400).contentType("application/problem+json").body(containsString("note"));
        for (Object badType : List.of("ASTROLOGY", 1)) {
            as(CASEWORKER).body(body("EDUCATION", "adviceType", badType)).post("/api/cases/{caseId}/advice-reuses", caseId).then()
                    .statusCode(400).contentType("application/problem+json").body(containsString("adviceType"));
        }
        Map<String, Object> noAgreement = body("EDUCATION");
        noAgreement.remove("familyAgreed");
        as(CASEWORKER).body(noAgreement).post("/api/cases/{caseId}/advice-reuses", caseId).then()
                .statusCode(400).body("violations.field", hasItem(containsString("familyAgreed")));
        as(CASEWORKER).body(body("EDUCATION", "agencyId", "883 EPS")).post("/api/cases/{caseId}/advice-reuses", caseId).then()
                .statusCode(400).body(containsString("agencyId"));
        assertThat(events(caseId, "ExistingAdviceReused")).isZero();
    }

    @Test
    void another_councils_caseworker_is_refused_and_nothing_is_recorded() {
        UUID caseId = acceptedCase();
        as(OTHER_COUNCIL).body(body("PARENT")).post("/api/cases/{caseId}/advice-reuses", caseId).then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(events(caseId, "ExistingAdviceReused")).isZero();
        as(CASEWORKER).body(body("PARENT")).post("/api/cases/{caseId}/advice-reuses", caseId).then().statusCode(201);
        as(OTHER_COUNCIL).get("/api/cases/{caseId}/advice-reuses", caseId).then().statusCode(403);
        as(OTHER_COUNCIL).get("/api/cases/{caseId}/advice-reuses/PARENT", caseId).then().statusCode(403);
    }

    @Test
    void the_note_is_erased_with_the_childs_personal_details() {
        UUID caseId = acceptedCase();
        as(CASEWORKER).body(body("OTHER")).post("/api/cases/{caseId}/advice-reuses", caseId).then().statusCode(201);
        publishAssessmentEvent(example("PersonalDetailsErased", caseId, Map.of("localAuthorityCode", COUNCIL)));
        await().atMost(WAIT).untilAsserted(() -> as(CASEWORKER).get("/api/cases/{caseId}/advice-reuses/OTHER", caseId).then()
                .statusCode(200).body("note", nullValue()).body("adviceDate", equalTo("2025-01-20")));
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
