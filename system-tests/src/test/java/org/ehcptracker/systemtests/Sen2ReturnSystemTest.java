package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SEN2 return end to end (council 891, census date Thursday 15 January 2026, the year counted 2025;
 * docs/sen2.md): the child's details given to assessment-service, the steps through the three command services,
 * reporting-service's pseudonymous modules, and assessment-service's file joining them, read with the team manager's
 * own token.
 * <pre>
 *   child A: request 2025-02-03, decided to assess 2025-03-14, draft 2025-05-12, final plan 2025-06-09 at URN 139021
 *            Requests Y 2025-03-14; Assessment Y 2025-06-09 (the plan's issue); NamedPlan from 2025-06-09, URN 139021;
 *            ActivePlans on 2026-01-15 with the same placement and SEN needs ASD (rank 1), SLCN (rank 2)
 *   child B: request 2025-04-07, refused 2025-05-16: Requests N 2025-05-16, nothing else
 * </pre>
 */
@ExtendWith(SystemStack.Shared.class)
class Sen2ReturnSystemTest {

    private static final String LA = "891";
    private static SystemStack stack;
    private static CaseSteps steps;

    @BeforeAll
    static void stack(SystemStack shared) {
        stack = shared;
        steps = new CaseSteps(shared);
    }

    private static String request(String received, String childRef, String name, Map<String, String> sen2) {
        String caseId = UUID.randomUUID().toString();
        var body = new HashMap<String, Object>(Map.of("caseId", caseId, "localAuthorityCode", LA, "receivedDate", received,
                "requestedBy", "PARENT", "childRef", childRef, "childName", name, "childDateOfBirth", "2016-07-19"));
        body.putAll(sen2);
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .contentType(ContentType.JSON).body(body).post("/api/cases").then().statusCode(201);
        return caseId;
    }

    @Test
    void the_return_file_joins_the_childs_details_with_the_modules_built_from_the_events() {
        String a = request("2025-02-03", "C-SYS-891-A", "Amy Smith",
                Map.of("sex", "F", "ethnicity", "WBRI", "upn", "Z839200125001", "postcode", "SW1A 1AA"));
        steps.decideToAssess(a, "2025-03-14");
        steps.issueDraft(a, "2025-05-12");
        String planA = steps.issueFinal(a, "2025-06-09", Map.of("namedSettingUrn", "139021"));
        // the plan's section B: autism first, then speech, language and communication (plan-service, SenNeedsRecorded)
        given().baseUri(stack.plan.baseUrl()).header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .contentType(ContentType.JSON).body(Map.of("effectiveDate", "2025-06-09", "needs", java.util.List.of("ASD", "SLCN")))
                .put("/api/plans/{id}/sen-needs", planA).then().statusCode(200);
        String b = request("2025-04-07", "C-SYS-891-B", "Ben Jones", Map.of());
        given().baseUri(stack.assessment.baseUrl()).header("Authorization", SystemStack.bearer(CaseSteps.CASEWORKER))
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "REFUSE", "decisionDate", "2025-05-16", "refusalReason", "NEEDS_MET_FROM_AVAILABLE_RESOURCES"))
                .post("/api/cases/{id}/decision", b).then().statusCode(200);

        // every event of both cases (three topics) must be projected before the file holds them all
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Response file = given().baseUri(stack.assessment.baseUrl())
                    .header("Authorization", SystemStack.bearer("team-manager:system-test"))
                    .queryParam("censusDate", "2026-01-15").get("/api/local-authorities/{la}/sen2-return", LA);
            assertThat(file.statusCode()).as(file.asString()).isEqualTo(200);
            String xml = file.asString();
            assertThat(xml).contains("<LEA>891</LEA>", "<ReferenceDate>2026-01-15</ReferenceDate>",
                    "<Surname>Smith</Surname><Forename>Amy</Forename><PersonBirthDate>2016-07-19</PersonBirthDate>"
                            + "<Sex>F</Sex><Ethnicity>WBRI</Ethnicity><PostCode>SW1A 1AA</PostCode><UPN>Z839200125001</UPN>",
                    "<ReceivedDate>2025-02-03</ReceivedDate><RequestOutcomeDate>2025-03-14</RequestOutcomeDate>"
                            + "<RequestOutcome>Y</RequestOutcome>",
                    "<AssessmentOutcome>Y</AssessmentOutcome><AssessmentOutcomeDate>2025-06-09</AssessmentOutcomeDate>",
                    "<NamedPlan><StartDate>2025-06-09</StartDate><PlanDetail><URN>139021</URN>",
                    "<ActivePlans><PlacementDetail><URN>139021</URN>",
                    "<SENneed><SENtype>ASD</SENtype><SENtypeRank>1</SENtypeRank></SENneed>"
                            + "<SENneed><SENtype>SLCN</SENtype><SENtypeRank>2</SENtypeRank></SENneed></ActivePlans>",
                    "<Surname>Jones</Surname>",
                    "<ReceivedDate>2025-04-07</ReceivedDate><RequestOutcomeDate>2025-05-16</RequestOutcomeDate>"
                            + "<RequestOutcome>N</RequestOutcome>");
            assertThat(xml.split("<Person>", -1)).hasSize(3);
        });
        // reporting-service's own answer holds no personal data
        String modules = given().baseUri(stack.reporting.baseUrl())
                .header("Authorization", SystemStack.bearer("team-manager:system-test"))
                .queryParam("censusDate", "2026-01-15").get("/api/local-authorities/{la}/sen2", LA)
                .then().statusCode(200).extract().asString();
        assertThat(modules).contains(a, b).doesNotContain("Smith").doesNotContain("Z839200125001");
    }
}
