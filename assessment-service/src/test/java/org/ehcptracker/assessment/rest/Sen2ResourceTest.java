package org.ehcptracker.assessment.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.requestBody;
import static org.ehcptracker.assessment.rest.CouncilScopeTest.as;
import static org.ehcptracker.assessment.rest.CouncilScopeTest.refused;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.assessment.sen2.FakeReporting;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * SEN2 in assessment-service (docs/sen2.md): the person details given with a request (sex, ethnicity, UPN, ULN,
 * postcode), checked and held with name and date of birth, shown and audited as they are; their correction
 * (PUT .../sen2-person, audited); the return file joining reporting-service's modules ({@link FakeReporting} stands in
 * for it) with them, every child in it recorded as a read. Councils 980-982.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@QuarkusTestResource(FakeReporting.class)
class Sen2ResourceTest {

    static final TestTokens.Caller CW_980 = TestTokens.as("caseworker:cw-980").councils("980");
    static final TestTokens.Caller TM_980 = TestTokens.as("team-manager:tm-980").councils("980");
    static final TestTokens.Caller TM_981 = TestTokens.as("team-manager:tm-981").councils("981");
    static final TestTokens.Caller CW_981 = TestTokens.as("caseworker:cw-981").councils("981");
    static final String ALL_FIVE = "sex,ethnicity,upn,uln,postcode";

    @Inject
    Pool pool;

    static Map<String, Object> withSen2(UUID caseId) {
        Map<String, Object> body = requestBody(caseId);
        body.put("localAuthorityCode", "980");
        body.put("sex", "f");
        body.put("ethnicity", "wbri");
        body.put("upn", "Z839200125001");
        body.put("uln", "1234567899");
        body.put("postcode", "sw1a1aa");
        return body;
    }

    static void problemNaming(Response answer, int status, String field) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.asString()).contains("\"" + field + "\"");
    }

    List<String> reads(UUID caseId) {
        List<String> out = new ArrayList<>();
        pool.preparedQuery("select actor_role, actor_subject, fields from personal_data_read where case_id = $1 order by id")
                .execute(Tuple.of(caseId)).await().indefinitely()
                .forEach((Row r) -> out.add(r.getString("actor_role") + ":" + r.getString("actor_subject") + " " + r.getString("fields")));
        return out;
    }

    @Test
    void the_person_details_given_with_a_request_are_held_shown_and_their_reads_audited() {
        UUID caseId = UUID.randomUUID();
        as(CW_980).body(withSen2(caseId)).post("/api/cases").then().statusCode(201)
                .body("sex", equalTo("F")).body("ethnicity", equalTo("WBRI")).body("upn", equalTo("Z839200125001"))
                .body("uln", equalTo("1234567899")).body("postcode", equalTo("SW1A 1AA"));

        as(CW_980).get("/api/cases/{id}", caseId).then().statusCode(200)
                .body("sex", equalTo("F")).body("postcode", equalTo("SW1A 1AA"));

        assertThat(reads(caseId)).containsExactly("caseworker:cw-980 childName,childDateOfBirth," + ALL_FIVE);
    }

    @Test
    void a_person_detail_off_its_code_list_or_format_is_a_400_naming_it_and_nothing_is_recorded() {
        for (var bad : List.of(Map.of("upn", "A839200125001"), Map.of("ethnicity", "British"), Map.of("sex", "X"),
                Map.of("uln", "1234567890"), Map.of("postcode", "SW1A\u00001AA"))) {
            UUID caseId = UUID.randomUUID();
            Map<String, Object> body = withSen2(caseId);
            body.putAll(bad);
            problemNaming(as(CW_980).body(body).post("/api/cases"), 400, bad.keySet().iterator().next());
            as(CW_980).get("/api/cases/{id}", caseId).then().statusCode(404);
        }
    }

    @Test
    void the_person_details_are_corrected_by_a_caseworker_of_the_council_and_the_change_audited() {
        UUID caseId = UUID.randomUUID();
        as(CW_980).body(withSen2(caseId)).post("/api/cases").then().statusCode(201);

        // every field is replaced: those left out are no longer held
        as(CW_980).body(Map.of("sex", "M", "ethnicity", "apkn")).put("/api/cases/{id}/sen2-person", caseId)
                .then().statusCode(200).body("sex", equalTo("M")).body("ethnicity", equalTo("APKN"))
                .body("upn", equalTo(null));
        as(CW_980).get("/api/cases/{id}", caseId).then().statusCode(200)
                .body("sex", equalTo("M")).body("upn", equalTo(null)).body("childName", equalTo(AssessmentCaseResourceTest.CHILD_NAME));

        problemNaming(as(CW_980).body(Map.of("upn", "A839200125001")).put("/api/cases/{id}/sen2-person", caseId), 400, "upn");
        as(CW_980).body(Map.of("sex", "F")).put("/api/cases/{id}/sen2-person", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        refused(as(CW_981).body(Map.of("sex", "F")).put("/api/cases/{id}/sen2-person", caseId), "another council's caseworker");
        refused(as(TestTokens.as("board:chair-980").councils("980")).body(Map.of("sex", "F"))
                .put("/api/cases/{id}/sen2-person", caseId), "a board member");

        List<Map<String, Object>> changes = as(TM_980).get("/api/cases/{id}/audit", caseId).then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.kind == 'PERSONAL_DETAILS_CHANGED' }");
        assertThat(changes).extracting(e -> e.get("actor"), e -> e.get("action"))
                .containsExactly(tuple("caseworker:cw-980", "sex,ethnicity"));

        // erased details are not held again
        as(TM_980).delete("/api/cases/{id}/personal-details", caseId).then().statusCode(204);
        as(CW_980).body(Map.of("sex", "F")).put("/api/cases/{id}/sen2-person", caseId).then().statusCode(422)
                .contentType("application/problem+json");
        as(CW_980).get("/api/cases/{id}", caseId).then().statusCode(200).body("sex", equalTo(null));
    }

    static String modules(UUID caseId, String childRef) {
        return """
                {"localAuthorityCode":"980","censusDate":"2026-01-15","collectionYear":2026,"periodStart":"2025-01-01",
                 "periodEnd":"2025-12-31","cases":[{"caseId":"%s","childRef":"%s","request":{"receivedDate":"2025-03-03",
                 "requestOutcome":"N","requestOutcomeDate":"2025-04-10","requestMediation":false,"requestTribunal":false},
                 "assessment":null,"activePlan":null}]}""".formatted(caseId, childRef);
    }

    @Test
    void a_team_managers_return_file_joins_the_person_details_and_records_a_read_of_every_child_in_it() {
        UUID caseId = UUID.randomUUID();
        Map<String, Object> body = withSen2(caseId);
        as(CW_980).body(body).post("/api/cases").then().statusCode(201);
        FakeReporting.answer("980", modules(caseId, (String) body.get("childRef")));
        String bearer = TM_980.bearer();

        Response file = given().header("Authorization", bearer).accept(ContentType.XML).queryParam("censusDate", "2026-01-15")
                .get("/api/local-authorities/{la}/sen2-return", "980");

        assertThat(file.statusCode()).as(file.asString()).isEqualTo(200);
        assertThat(file.contentType()).startsWith("application/xml");
        assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"sen2-980-2026.xml\"");
        String[] names = AssessmentCaseResourceTest.CHILD_NAME.split(" ");
        assertThat(file.asString()).contains("<LEA>980</LEA>", "<ReferenceDate>2026-01-15</ReferenceDate>",
                "<Surname>" + names[names.length - 1] + "</Surname>", "<PersonBirthDate>2016-07-19</PersonBirthDate>",
                "<Sex>F</Sex>", "<Ethnicity>WBRI</Ethnicity>", "<PostCode>SW1A 1AA</PostCode>", "<UPN>Z839200125001</UPN>",
                "<UniqueLearnerNumber>1234567899</UniqueLearnerNumber>", "<RequestOutcome>N</RequestOutcome>");
        // reporting-service was asked with the caller's own token
        assertThat(FakeReporting.lastAuthorization).isEqualTo(bearer);
        assertThat(reads(caseId)).contains("team-manager:tm-980 sen2Return,childName,childDateOfBirth," + ALL_FIVE);
    }

    @Test
    void the_return_file_is_refused_to_a_caseworker_another_council_and_without_a_valid_census_date() {
        refused(as(CW_980).accept(ContentType.ANY).queryParam("censusDate", "2026-01-15")
                .get("/api/local-authorities/{la}/sen2-return", "980"), "a caseworker");
        refused(as(TM_981).accept(ContentType.ANY).queryParam("censusDate", "2026-01-15")
                .get("/api/local-authorities/{la}/sen2-return", "980"), "another council's team manager");
        problemNaming(as(TM_980).accept(ContentType.ANY).get("/api/local-authorities/{la}/sen2-return", "980"), 400, "censusDate");
        for (String notADate : List.of("15/01/2026", "2026-01-15\u0000", "2026-01-15 ")) {
            problemNaming(as(TM_980).accept(ContentType.ANY).queryParam("censusDate", notADate)
                    .get("/api/local-authorities/{la}/sen2-return", "980"), 400, "censusDate");
        }
        // reporting-service's refusal (not a third Thursday of January) is passed on
        problemNaming(as(TM_980).accept(ContentType.ANY).queryParam("censusDate", "2026-01-16")
                .get("/api/local-authorities/{la}/sen2-return", "980"), 400, "censusDate");
        problemNaming(as(TM_980).accept(ContentType.ANY).queryParam("censusDate", "2026-01-15")
                .get("/api/local-authorities/{la}/sen2-return", "98"), 400, "la");
    }

    @Test
    void a_council_with_no_cases_gets_a_file_with_no_persons_not_404() {
        TestTokens.Caller tm982 = TestTokens.as("team-manager:tm-982").councils("982");
        Response file = given().header("Authorization", tm982.bearer()).queryParam("censusDate", "2026-01-15")
                .get("/api/local-authorities/{la}/sen2-return", "982");
        assertThat(file.statusCode()).as(file.asString()).isEqualTo(200);
        assertThat(file.asString()).contains("<LEA>982</LEA>").containsAnyOf("<Persons></Persons>", "<Persons/>");
    }
}
