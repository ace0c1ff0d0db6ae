package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.devinfra.KeycloakServer;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sign-in end to end (issue 11): the realm's demo users get real tokens from the stack's Keycloak, and each is
 * refused what is not theirs by the running services. The case data is council 873's (akhan, eps873), so that the
 * 839 users (jsmith, chair839, ep839) are the wrong callers; no other system test uses 873.
 */
@ExtendWith(SystemStack.Shared.class)
class SignInSystemTest {

    static SystemStack stack;
    static KeycloakSignIn signIn;
    static String caseId;
    static String adviceRequestId;

    @BeforeAll
    static void aCaseOf873WithAnEpRequest(SystemStack s) {
        stack = s;
        signIn = s.signIn();
        caseId = UUID.randomUUID().toString();
        as("akhan", s.assessment.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "localAuthorityCode", "873", "receivedDate", "2025-01-06",
                        "requestedBy", "PARENT", "childRef", "C-SIGNIN-1", "childName", "Robin Signin"))
                .post("/api/cases").then().statusCode(201);
        as("akhan", s.assessment.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("decision", "ASSESS", "decisionDate", "2025-02-10"))
                .post("/api/cases/{id}/decision", caseId).then().statusCode(200);
        // the council's administrator puts its EP service in the directory; the caseworker asks it for advice
        as("admin", s.advice.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("agencyId", "eps-873", "name", "Educational Psychology Service",
                        "adviceTypes", List.of("EDUCATIONAL_PSYCHOLOGY"), "contactEmail", "eps@council873.example"))
                .post("/api/councils/873/agencies").then().statusCode(201);
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                id[0] = as("akhan", s.advice.baseUrl()).contentType(ContentType.JSON)
                        .body(Map.of("adviceType", "EDUCATIONAL_PSYCHOLOGY", "agencyId", "eps-873", "requestedDate", "2025-02-11"))
                        .post("/api/cases/{id}/advice-requests", caseId).then().statusCode(201).extract().path("adviceRequestId"));
        adviceRequestId = id[0];
    }

    static RequestSpecification as(String demoUser, String baseUrl) {
        return given().baseUri(baseUrl).header("Authorization", signIn.bearerOfDemoUser(demoUser));
    }

    static void assertRefused(Response answer, int status) {
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void the_demo_users_tokens_carry_their_roles_councils_and_agency_and_a_wrong_password_gets_none() {
        Map<String, Object> claims = payload(signIn.bearerOfDemoUser("eps873"));
        assertThat(claims.get("roles")).asList().contains("agency");
        assertThat(claims.get("councils")).asList().containsExactly("873");
        assertThat(claims).containsEntry("agency", "eps-873");
        assertThat(signIn.tokenResponse("jsmith", "not-the-password").statusCode()).isIn(400, 401);
    }

    @Test
    void the_caseworker_of_the_council_works_the_case_and_one_of_another_council_is_refused_everything() {
        as("akhan", stack.assessment.baseUrl()).get("/api/cases/{id}", caseId).then().statusCode(200)
                .body("childName", equalTo("Robin Signin"));
        assertRefused(as("jsmith", stack.assessment.baseUrl()).get("/api/cases/{id}", caseId), 403);
        assertRefused(as("jsmith", stack.assessment.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("withdrawnDate", "2025-03-01"))
                .post("/api/cases/{id}/withdrawal", caseId), 403);
        assertRefused(as("jsmith", stack.assessment.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("caseId", UUID.randomUUID().toString(), "localAuthorityCode", "873", "receivedDate", "2025-01-06",
                        "requestedBy", "PARENT", "childRef", "C-SIGNIN-2"))
                .post("/api/cases"), 403);
        assertRefused(as("jsmith", stack.advice.baseUrl()).get("/api/advice-requests/{id}", adviceRequestId), 403);
        assertRefused(as("jsmith", stack.reporting.baseUrl()).get("/api/cases/{id}/timeline", caseId), 403);
        // the refused withdrawal changed nothing
        as("akhan", stack.assessment.baseUrl()).get("/api/cases/{id}", caseId).then().statusCode(200)
                .body("status", equalTo("ASSESSING"));
    }

    @Test
    void an_agency_user_reaches_only_its_own_agencys_requests() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("eps873", stack.advice.baseUrl()).get("/api/agencies/{a}/inbox", "eps-873").then().statusCode(200)
                        .body("items.adviceRequestId", hasItem(adviceRequestId)));
        assertRefused(as("ep839", stack.advice.baseUrl()).get("/api/agencies/{a}/inbox", "eps-873"), 403);
        assertRefused(as("ep839", stack.advice.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("submittedDate", "2025-03-20"))
                .post("/api/advice-requests/{id}/submission", adviceRequestId), 403);
        // an agency never reads the child's case file
        assertRefused(as("eps873", stack.assessment.baseUrl()).get("/api/cases/{id}", caseId), 403);
        as("eps873", stack.advice.baseUrl()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("submittedDate", "2025-03-20"))
                .post("/api/advice-requests/{id}/submission", adviceRequestId).then().statusCode(200);
    }

    @Test
    void a_board_member_reads_their_councils_figures_and_nothing_else() {
        as("chair839", stack.reporting.baseUrl()).queryParam("from", "2025-01-01").queryParam("to", "2025-12-31")
                .get("/api/local-authorities/839/board").then().statusCode(200);
        assertRefused(as("chair839", stack.reporting.baseUrl()).queryParam("from", "2025-01-01").queryParam("to", "2025-12-31")
                .get("/api/local-authorities/873/board"), 403);
        assertRefused(as("chair839", stack.reporting.baseUrl()).queryParam("from", "2025-01-01").queryParam("to", "2025-12-31")
                .get("/api/local-authorities/all/board"), 403);
        assertRefused(as("chair839", stack.assessment.baseUrl()).get("/api/cases/{id}", caseId), 403);
        assertRefused(as("chair839", stack.assessment.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("decision", "REFUSE", "decisionDate", "2025-02-10"))
                .post("/api/cases/{id}/decision", caseId), 403);
        // the national analyst (councils *) reads every council together
        as("analyst", stack.reporting.baseUrl()).queryParam("from", "2025-01-01").queryParam("to", "2025-12-31")
                .get("/api/local-authorities/all/board").then().statusCode(200);
    }

    @Test
    void no_token_a_tampered_one_a_foreign_one_and_an_expired_one_are_401_on_every_service() {
        String good = signIn.bearerOfDemoUser("akhan").substring("Bearer ".length());
        String[] parts = good.split("\\.");
        String widened = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"873\"", "\"*\"").getBytes(StandardCharsets.UTF_8));
        String tampered = "Bearer " + parts[0] + "." + widened + "." + parts[2];
        // signed by a key this Keycloak never had (the service tests' key), with the right issuer and audience
        String foreign = TestTokens.as("caseworker:intruder").issuer(stack.keycloak().issuer()).bearer();
        for (String base : List.of(stack.assessment.baseUrl(), stack.advice.baseUrl(), stack.plan.baseUrl(),
                stack.reporting.baseUrl())) {
            String path = "/api/cases/" + caseId + (base.equals(stack.assessment.baseUrl()) ? ""
                    : base.equals(stack.advice.baseUrl()) ? "/advice-requests"
                    : base.equals(stack.plan.baseUrl()) ? "/plan" : "/timeline");
            assertRefused(given().baseUri(base).get(path), 401);
            assertRefused(given().baseUri(base).header("Authorization", tampered).get(path), 401);
            assertRefused(given().baseUri(base).header("Authorization", foreign).get(path), 401);
            assertRefused(given().baseUri(base).header("X-Actor", "caseworker:akhan").get(path), 401);
        }
        KeycloakServer keycloak = stack.keycloak();
        try {
            keycloak.setAccessTokenLifespan(Duration.ofSeconds(1));
            String expiring = "Bearer " + keycloak.accessToken("akhan", "akhan-demo");
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertRefused(given().baseUri(stack.assessment.baseUrl()).header("Authorization", expiring)
                            .get("/api/cases/{id}", caseId), 401));
        } finally {
            keycloak.setAccessTokenLifespan(KeycloakServer.DEMO_ACCESS_TOKEN_LIFESPAN);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(String bearer) {
        String jwt = bearer.substring("Bearer ".length());
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(json).getMap("$");
    }
}
