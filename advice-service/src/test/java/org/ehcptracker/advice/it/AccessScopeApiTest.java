package org.ehcptracker.advice.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.advice.it.Fixtures.WAIT;
import static org.ehcptracker.advice.it.Fixtures.caseAcceptedForAssessment;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

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
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Council and agency scope with real data (issue 11): cases of councils 839 and 857 (neither has a directory, so
 * any agency id may be asked), the directory tests on council 858 (no other class uses 857 or 858). Tokens as
 * the identity provider issues them: an agency user's subject is not its agency id (claim {@code agency}).
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "advice"))
class AccessScopeApiTest {

    static final String CASEWORKER_839 = TestTokens.as("caseworker:cw-839").councils("839").bearer();
    static final String CASEWORKER_857 = TestTokens.as("caseworker:cw-857").councils("857").bearer();
    static final String CASEWORKER_EVERY_COUNCIL = TestTokens.as("caseworker:cw-national").bearer();
    static final String BOARD_839 = TestTokens.as("board:chair-839").councils("839").bearer();
    static final String BOARD_EVERY_COUNCIL = TestTokens.as("board:analyst").bearer();

    @Inject
    Pool pool;

    /** An agency user as Keycloak issues one: a subject of its own, the agency in the agency claim. */
    static String agencyUser(String subject, String agencyId) {
        return TestTokens.as("agency:" + subject).agency(agencyId).councils("839").bearer();
    }

    static String newAgencyId() {
        return "scope-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Response call(String token, String method, String path, Object body, Object... params) {
        var spec = given().header("Authorization", token);
        if (body != null) {
            spec.contentType(ContentType.JSON).body(body);
        }
        return spec.request(method, path, params);
    }

    static void refused(Response answer, String what) {
        assertThat(answer.statusCode()).as(what + ": " + answer.asString()).isEqualTo(403);
        assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
        assertThat(answer.jsonPath().getInt("status")).as(what).isEqualTo(403);
    }

    static String request(String token, UUID caseId, String type, String agencyId) {
        return call(token, "POST", "/api/cases/{caseId}/advice-requests",
                Map.of("adviceType", type, "agencyId", agencyId, "requestedDate", "2025-04-11"), caseId)
                .then().statusCode(201).extract().path("adviceRequestId");
    }

    long eventsOfCase(UUID caseId) {
        return pool.preparedQuery("select count(*) as n from event where case_id = $1")
                .execute(Tuple.of(caseId)).await().atMost(WAIT).iterator().next().getLong("n");
    }

    List<Row> textReads(String adviceRequestId) {
        var rows = pool.preparedQuery("select * from advice_text_read where advice_request_id = $1 order by id")
                .execute(Tuple.of(UUID.fromString(adviceRequestId))).await().atMost(WAIT);
        var out = new ArrayList<Row>();
        rows.forEach(out::add);
        return out;
    }

    /**
     * Council 839's case with an open request (EP) and a submitted one (health, with advice text). A caseworker
     * of 857 is refused every read and every command on it, and nothing is appended or read; the caseworker of
     * 839 is allowed each.
     */
    @Test
    void a_caseworker_of_another_council_is_refused_every_read_and_command_and_nothing_is_appended() {
        UUID caseId = UUID.randomUUID();
        String agency = newAgencyId();
        String agencyToken = agencyUser(UUID.randomUUID().toString(), agency);
        caseAcceptedForAssessment(pool, caseId, "839");
        String open = request(CASEWORKER_839, caseId, "EDUCATIONAL_PSYCHOLOGY", agency);
        String submitted = request(CASEWORKER_839, caseId, "HEALTH", agency);
        call(agencyToken, "POST", "/api/advice-requests/{id}/submission",
                Map.of("submittedDate", "2025-05-20", "summary", "Advice on the child's needs"), submitted)
                .then().statusCode(200);
        long before = eventsOfCase(caseId);
        assertThat(before).isEqualTo(3);

        refused(call(CASEWORKER_857, "POST", "/api/cases/{caseId}/advice-requests",
                Map.of("adviceType", "SOCIAL_CARE", "agencyId", agency, "requestedDate", "2025-04-11"), caseId), "request");
        refused(call(CASEWORKER_857, "POST", "/api/advice-requests/{id}/submission",
                Map.of("submittedDate", "2025-05-20"), open), "submission");
        refused(call(CASEWORKER_857, "POST", "/api/advice-requests/{id}/cancellation",
                Map.of("reason", "NO_LONGER_NEEDED"), open), "cancellation");
        refused(call(CASEWORKER_857, "POST", "/api/advice-requests/{id}/exceptions",
                Map.of("reason", "ABSENT_FROM_AREA", "startDate", "2025-04-28", "endDate", "2025-05-25"), open), "exception");
        refused(call(CASEWORKER_857, "POST", "/api/advice-requests/{id}/rework",
                Map.of("reason", "INCOMPLETE", "returnedDate", "2025-05-22"), submitted), "rework");
        refused(call(CASEWORKER_857, "GET", "/api/advice-requests/{id}", null, open), "read the request");
        refused(call(CASEWORKER_857, "GET", "/api/advice-requests/{id}/submission", null, submitted), "read the advice");
        refused(call(CASEWORKER_857, "GET", "/api/cases/{caseId}/advice-requests", null, caseId), "the case's requests");
        // the agency's lists show an 857 caseworker none of 839's requests
        call(CASEWORKER_857, "GET", "/api/agencies/{agencyId}/inbox", null, agency).then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));
        call(CASEWORKER_857, "GET", "/api/advice-requests?agencyId=" + agency, null).then().statusCode(200)
                .body("$", hasSize(0));

        assertThat(eventsOfCase(caseId)).as("nothing appended by the refused commands").isEqualTo(before);
        assertThat(textReads(submitted)).as("no advice text read").isEmpty();

        // the caseworker of 839 may do each
        call(CASEWORKER_839, "GET", "/api/advice-requests/{id}", null, open).then().statusCode(200)
                .body("adviceRequestId", equalTo(open));
        call(CASEWORKER_839, "GET", "/api/advice-requests/{id}/submission", null, submitted).then().statusCode(200)
                .body("summary", equalTo("Advice on the child's needs"));
        call(CASEWORKER_839, "GET", "/api/cases/{caseId}/advice-requests", null, caseId).then().statusCode(200)
                .body("adviceRequestId", containsInAnyOrder(open, submitted));
        call(CASEWORKER_839, "GET", "/api/agencies/{agencyId}/inbox", null, agency).then().statusCode(200)
                .body("total", equalTo(2));
        call(CASEWORKER_839, "POST", "/api/advice-requests/{id}/rework",
                Map.of("reason", "INCOMPLETE", "returnedDate", "2025-05-22"), submitted).then().statusCode(200);
        call(CASEWORKER_839, "POST", "/api/advice-requests/{id}/exceptions",
                Map.of("reason", "ABSENT_FROM_AREA", "startDate", "2025-04-28", "endDate", "2025-05-25"), open)
                .then().statusCode(200);
        call(CASEWORKER_839, "POST", "/api/advice-requests/{id}/cancellation",
                Map.of("reason", "NO_LONGER_NEEDED"), open).then().statusCode(200);
        call(CASEWORKER_839, "POST", "/api/advice-requests/{id}/submission",
                Map.of("submittedDate", "2025-05-30"), submitted).then().statusCode(200);
        call(CASEWORKER_839, "POST", "/api/cases/{caseId}/advice-requests",
                Map.of("adviceType", "SOCIAL_CARE", "agencyId", agency, "requestedDate", "2025-04-11"), caseId)
                .then().statusCode(201);
        assertThat(eventsOfCase(caseId)).isEqualTo(before + 5);
    }

    /** A retried submission replays its first answer only while the caller still reaches the request. */
    @Test
    void a_replayed_submission_is_refused_to_a_caller_who_no_longer_acts_for_the_council() {
        UUID caseId = UUID.randomUUID();
        caseAcceptedForAssessment(pool, caseId, "839");
        String id = request(CASEWORKER_839, caseId, "EDUCATIONAL_PSYCHOLOGY", newAgencyId());
        String key = UUID.randomUUID().toString();
        var body = Map.of("submittedDate", "2025-05-20");
        String whileIn839 = TestTokens.as("caseworker:cw-moving").councils("839").bearer();
        String after = TestTokens.as("caseworker:cw-moving").councils("857").bearer();
        given().header("Authorization", whileIn839).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/advice-requests/{id}/submission", id).then().statusCode(200).header("Idempotent-Replayed", "false");
        given().header("Authorization", whileIn839).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/advice-requests/{id}/submission", id).then().statusCode(200).header("Idempotent-Replayed", "true");
        refused(given().header("Authorization", after).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/advice-requests/{id}/submission", id), "a replay after moving council");
    }

    /** An agency user reaches the requests addressed to its agency, and nothing of another agency's. */
    @Test
    void an_agency_user_reaches_only_the_requests_addressed_to_its_agency() {
        UUID caseId = UUID.randomUUID();
        String mine = newAgencyId();
        String theirs = newAgencyId();
        String me = agencyUser(UUID.randomUUID().toString(), mine);
        String other = agencyUser(UUID.randomUUID().toString(), theirs);
        caseAcceptedForAssessment(pool, caseId, "839");
        String id = request(CASEWORKER_839, caseId, "EDUCATIONAL_PSYCHOLOGY", mine);
        request(CASEWORKER_839, caseId, "HEALTH", theirs);

        // another agency's user: refused, naming the agency as the field at fault
        for (Response r : List.of(
                call(other, "GET", "/api/advice-requests/{id}", null, id),
                call(other, "POST", "/api/advice-requests/{id}/submission", Map.of("submittedDate", "2025-05-20"), id),
                call(other, "GET", "/api/agencies/{agencyId}/inbox", null, mine),
                call(other, "GET", "/api/advice-requests?agencyId=" + mine, null),
                call(other, "GET", "/api/councils/839/advice-performance?agencyId=" + mine, null),
                call(other, "GET", "/api/agencies/{agencyId}", null, mine))) {
            refused(r, "another agency");
            assertThat(r.jsonPath().getString("field")).isEqualTo("agencyId");
        }
        // and the council staff's own actions, even on a request addressed to it
        refused(call(other, "POST", "/api/advice-requests/{id}/cancellation", Map.of("reason", "NO_LONGER_NEEDED"), id),
                "an agency cancelling");
        refused(call(other, "GET", "/api/cases/{caseId}/advice-requests", null, caseId), "an agency listing a case");
        refused(call(me, "POST", "/api/cases/{caseId}/advice-requests",
                Map.of("adviceType", "OTHER", "agencyId", mine, "requestedDate", "2025-04-11"), caseId), "an agency requesting");
        assertThat(eventsOfCase(caseId)).isEqualTo(2);

        // its own: by the agency claim, not by the subject
        call(me, "GET", "/api/agencies/{agencyId}/inbox", null, mine).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].adviceRequestId", equalTo(id));
        call(me, "GET", "/api/advice-requests/{id}", null, id).then().statusCode(200)
                .body("cancellationNote", nullValue());
        call(me, "POST", "/api/advice-requests/{id}/submission",
                Map.of("submittedDate", "2025-05-20", "summary", "Our advice"), id).then().statusCode(200);
        call(me, "GET", "/api/advice-requests/{id}/submission", null, id).then().statusCode(200)
                .body("summary", equalTo("Our advice"));
        call(me, "GET", "/api/councils/{la}/advice-performance", null, "839").then().statusCode(200)
                .body("lines", hasSize(1)).body("lines[0].agencyId", equalTo(mine));
        refused(call(other, "GET", "/api/advice-requests/{id}/submission", null, id), "another agency reading the advice");
    }

    /** A board member reads its councils' agency performance and no case data. */
    @Test
    void a_board_member_is_refused_case_data_and_reads_only_its_councils_figures() {
        UUID caseId = UUID.randomUUID();
        String agency = newAgencyId();
        caseAcceptedForAssessment(pool, caseId, "839");
        String id = request(CASEWORKER_839, caseId, "EDUCATIONAL_PSYCHOLOGY", agency);
        call(agencyUser("ep", agency), "POST", "/api/advice-requests/{id}/submission",
                Map.of("submittedDate", "2025-05-20", "summary", "Advice"), id).then().statusCode(200);

        refused(call(BOARD_839, "GET", "/api/advice-requests/{id}", null, id), "board: a request");
        refused(call(BOARD_839, "GET", "/api/advice-requests/{id}/submission", null, id), "board: the advice");
        refused(call(BOARD_839, "GET", "/api/cases/{caseId}/advice-requests", null, caseId), "board: a case");
        refused(call(BOARD_839, "GET", "/api/agencies/{agencyId}/inbox", null, agency), "board: an inbox");
        refused(call(BOARD_839, "GET", "/api/advice-requests?agencyId=" + agency, null), "board: a list");
        refused(call(BOARD_839, "POST", "/api/advice-requests/{id}/cancellation", Map.of("reason", "OTHER"), id),
                "board: a command");
        assertThat(textReads(id)).isEmpty();

        call(BOARD_839, "GET", "/api/councils/839/advice-performance?agencyId=" + agency, null)
                .then().statusCode(200).body("lines", hasSize(1)).body("lines[0].submitted", equalTo(1));
        refused(call(BOARD_839, "GET", "/api/councils/{la}/advice-performance", null, "857"), "board of 839: 857's figures");
        refused(call(CASEWORKER_857, "GET", "/api/councils/{la}/advice-performance", null, "839"),
                "caseworker of 857: 839's figures");
        call(BOARD_EVERY_COUNCIL, "GET", "/api/councils/839/advice-performance?agencyId=" + agency, null)
                .then().statusCode(200).body("lines", hasSize(1));
    }

    /** One agency asked by a case of 839 and one of 857: each council sees its own; only "*" sees both. */
    @Test
    void an_agencys_lists_show_council_staff_their_councils_and_every_council_only_to_a_national_user() {
        String agency = newAgencyId();
        UUID case839 = UUID.randomUUID();
        UUID case857 = UUID.randomUUID();
        caseAcceptedForAssessment(pool, case839, "839");
        caseAcceptedForAssessment(pool, case857, "857");
        String of839 = request(CASEWORKER_839, case839, "EDUCATIONAL_PSYCHOLOGY", agency);
        String of857 = request(CASEWORKER_857, case857, "EDUCATIONAL_PSYCHOLOGY", agency);
        refused(call(CASEWORKER_839, "GET", "/api/advice-requests/{id}", null, of857), "839 reading 857's");

        call(CASEWORKER_839, "GET", "/api/agencies/{agencyId}/inbox", null, agency).then().statusCode(200)
                .body("total", equalTo(1)).body("items.adviceRequestId", containsInAnyOrder(of839));
        call(CASEWORKER_857, "GET", "/api/agencies/{agencyId}/inbox", null, agency).then().statusCode(200)
                .body("total", equalTo(1)).body("items.adviceRequestId", containsInAnyOrder(of857));
        call(CASEWORKER_839, "GET", "/api/advice-requests?agencyId=" + agency, null).then().statusCode(200)
                .body("adviceRequestId", containsInAnyOrder(of839));
        call(CASEWORKER_EVERY_COUNCIL, "GET", "/api/agencies/{agencyId}/inbox", null, agency).then().statusCode(200)
                .body("total", equalTo(2)).body("items.adviceRequestId", containsInAnyOrder(of839, of857));
        call(CASEWORKER_EVERY_COUNCIL, "GET", "/api/advice-requests?agencyId=" + agency, null).then()
                .statusCode(200).body("adviceRequestId", containsInAnyOrder(of839, of857));
        call(agencyUser("ep", agency), "GET", "/api/agencies/{agencyId}/inbox", null, agency).then().statusCode(200)
                .body("total", equalTo(2));
        // a caseworker token without councils sees nothing
        String noCouncil = TestTokens.as("caseworker:cw-none").councils(new String[0]).bearer();
        call(noCouncil, "GET", "/api/agencies/{agencyId}/inbox", null, agency).then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));
        call(noCouncil, "GET", "/api/advice-requests?agencyId=" + agency, null).then().statusCode(200).body("$", hasSize(0));
    }

    /** The directory and default set are the administrator's, for the councils they act for. */
    @Test
    void the_directory_is_the_administrators_of_its_council_and_caseworkers_read_it() {
        String admin858 = TestTokens.as("admin:admin-858").councils("858").bearer();
        String admin857 = TestTokens.as("admin:admin-857").councils("857").bearer();
        String caseworker858 = TestTokens.as("caseworker:cw-858").councils("858").bearer();
        String agency = "858-" + UUID.randomUUID().toString().substring(0, 8);
        var body = Map.of("agencyId", agency, "name", "Scope EPS", "adviceTypes", List.of("EDUCATIONAL_PSYCHOLOGY"),
                "contactEmail", "eps@scope858.example");
        var changed = Map.of("name", "Scope EPS (renamed)", "adviceTypes", List.of("EDUCATIONAL_PSYCHOLOGY"),
                "contactEmail", "eps@scope858.example");
        var set = Map.of("entries", List.of(Map.of("adviceType", "EDUCATIONAL_PSYCHOLOGY", "agencyId", agency)));

        refused(call(admin857, "POST", "/api/councils/{la}/agencies", body, "858"), "admin of 857 adding to 858");
        refused(call(caseworker858, "POST", "/api/councils/{la}/agencies", body, "858"), "a caseworker adding");
        call(admin858, "POST", "/api/councils/{la}/agencies", body, "858").then().statusCode(201);
        // the id is unique across councils; another council's admin is not told which council has it
        call(admin857, "POST", "/api/councils/{la}/agencies", body, "857").then().statusCode(409)
                .body("detail", containsString("another council's directory"));

        refused(call(admin857, "GET", "/api/councils/{la}/agencies", null, "858"), "admin of 857 listing 858");
        refused(call(admin857, "GET", "/api/agencies/{agencyId}", null, agency), "admin of 857 reading 858's agency");
        refused(call(admin857, "PUT", "/api/agencies/{agencyId}", changed, agency), "admin of 857 changing");
        refused(call(admin857, "POST", "/api/agencies/{agencyId}/deactivation", null, agency), "admin of 857 deactivating");
        refused(call(admin857, "GET", "/api/councils/{la}/default-advice", null, "858"), "admin of 857: 858's set");
        refused(call(admin857, "PUT", "/api/councils/{la}/default-advice", set, "858"), "admin of 857 replacing 858's set");
        refused(call(caseworker858, "PUT", "/api/councils/{la}/default-advice", set, "858"), "a caseworker replacing the set");
        refused(call(caseworker858, "PUT", "/api/agencies/{agencyId}", changed, agency), "a caseworker changing");
        refused(call(TestTokens.as("caseworker:cw-857").councils("857").bearer(), "GET", "/api/agencies/{agencyId}",
                null, agency), "a caseworker of 857 reading 858's agency");

        call(caseworker858, "GET", "/api/councils/{la}/agencies", null, "858").then().statusCode(200)
                .body("agencyId", containsInAnyOrder(agency));
        call(caseworker858, "GET", "/api/agencies/{agencyId}", null, agency).then().statusCode(200);
        call(agencyUser("eps-858", agency), "GET", "/api/agencies/{agencyId}", null, agency).then().statusCode(200)
                .body("agencyId", equalTo(agency));
        call(admin858, "PUT", "/api/councils/{la}/default-advice", set, "858").then().statusCode(200);
        call(caseworker858, "GET", "/api/councils/{la}/default-advice", null, "858").then().statusCode(200)
                .body("entries[0].agencyId", equalTo(agency));
        call(admin858, "PUT", "/api/agencies/{agencyId}", changed, agency).then().statusCode(200)
                .body("name", equalTo("Scope EPS (renamed)"));
        call(admin858, "POST", "/api/agencies/{agencyId}/deactivation", null, agency).then().statusCode(200);
    }

    /** Every answer with the advice text is recorded: who (subject), in which role, when; refusals and 404 are not reads. */
    @Test
    void every_read_of_the_advice_text_is_recorded_with_subject_role_and_time() {
        UUID caseId = UUID.randomUUID();
        String agency = newAgencyId();
        String agencySubject = UUID.randomUUID().toString();
        caseAcceptedForAssessment(pool, caseId, "839");
        String id = request(CASEWORKER_839, caseId, "EDUCATIONAL_PSYCHOLOGY", agency);
        call(CASEWORKER_839, "GET", "/api/advice-requests/{id}/submission", null, id).then().statusCode(404);
        assertThat(textReads(id)).as("nothing submitted, nothing read").isEmpty();

        call(agencyUser(agencySubject, agency), "POST", "/api/advice-requests/{id}/submission",
                Map.of("submittedDate", "2025-05-20", "summary", "Needs a quiet space"), id).then().statusCode(200);
        java.time.Instant from = java.time.Instant.now().minusSeconds(5);
        call(CASEWORKER_839, "GET", "/api/advice-requests/{id}/submission", null, id).then().statusCode(200);
        call(TestTokens.as("team-manager:tm-839").councils("839").bearer(), "GET", "/api/advice-requests/{id}/submission",
                null, id).then().statusCode(200);
        call(agencyUser(agencySubject, agency), "GET", "/api/advice-requests/{id}/submission", null, id).then()
                .statusCode(200);
        refused(call(CASEWORKER_857, "GET", "/api/advice-requests/{id}/submission", null, id), "another council");

        List<Row> reads = textReads(id);
        assertThat(reads).extracting(r -> r.getString("actor_id"))
                .containsExactly("cw-839", "tm-839", agencySubject);
        assertThat(reads).extracting(r -> r.getString("actor_role"))
                .containsExactly("caseworker", "team-manager", "agency");
        assertThat(reads).allSatisfy(r -> {
            assertThat(r.getUUID("case_id")).isEqualTo(caseId);
            assertThat(r.getOffsetDateTime("read_at").toInstant()).isBetween(from, java.time.Instant.now().plusSeconds(5));
        });
    }
}
