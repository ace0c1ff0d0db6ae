package org.ehcptracker.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The partner agency's inbox pages against a stand-in advice-service ({@link FakeCommandServices}): what they show,
 * that the user's credential goes with every call, the command sent with its Idempotency-Key, and advice-service's
 * refusals in the GOV.UK error summary linked to the field.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
@QuarkusTestResource(FakeCommandServices.class)
class AgencyInboxPageTest {

    static final String AGENCY = TestTokens.bearer("agency:ep-973");

    @ConfigProperty(name = "ehcp.services.advice-url")
    String advice;

    /** The CSRF cookie and hidden field a browser gets with a form (any form: the token is the session's). */
    record Csrf(String cookie, String field) {
    }

    static Csrf csrf() {
        var page = given().header("Authorization", AGENCY).when()
                .get("/agencies/ep-973/inbox/" + FakeCommandServices.REFUSED).then().statusCode(200).extract();
        String field = page.asString().replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        assertThat(page.cookie("csrf-token")).isNotBlank();
        return new Csrf(page.cookie("csrf-token"), field);
    }

    JsonNode lastCall() {
        return ReportingServiceTest.tree(given().baseUri(advice).get("/_last").then().statusCode(200).extract().asString());
    }

    @Test
    void the_inbox_lists_the_agencys_requests_with_their_state_asking_advice_service_as_the_user() {
        String html = given().header("Authorization", AGENCY).when().get("/agencies/ep-973/inbox?status=all")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertThat(html).contains("<h1 class=\"govuk-heading-l\">Advice requests for ep-973</h1>",
                "href=\"/agencies/ep-973/inbox/" + FakeCommandServices.OPEN + "\"", "Case 97300000",
                "Educational psychology", "11 Feb 2025", "25 Mar 2025", "Overdue by ", "Sent in time",
                "<strong>All</strong>", "3 requests, soonest due first");
        assertThat(lastCall().get("actor").asText()).isEqualTo("agency ep-973");
        assertThat(lastCall().get("path").asText()).isEqualTo("/api/agencies/ep-973/inbox?status=all&size=100");
    }

    @Test
    void another_agencys_inbox_is_refused_by_advice_service_and_the_page_says_so() {
        String html = given().header("Authorization", TestTokens.bearer("agency:ep-974")).when().get("/agencies/ep-973/inbox")
                .then().statusCode(403).extract().asString();
        assertThat(html).contains("<title>Error: Advice requests for ep-973 - EHCP Tracker</title>",
                "agency ep-974 may read only its own inbox, not agency ep-973&#39;s").doesNotContain("data-request=");
    }

    @Test
    void a_request_page_offers_the_form_while_open_and_sends_the_advice_with_an_idempotency_key() {
        String html = given().header("Authorization", AGENCY).when().get("/agencies/ep-973/inbox/" + FakeCommandServices.OPEN)
                .then().statusCode(200).extract().asString();
        assertThat(html).contains("Educational psychology advice for case 97300000", "Send your advice",
                "name=\"key\" value=\"");
        String key = html.replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");

        Csrf csrf = csrf();
        given().header("Authorization", AGENCY).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.field())
                .formParam("submittedDate", "2025-03-20").formParam("summary", "Needs small-group teaching")
                .formParam("key", key)
                .when().post("/agencies/ep-973/inbox/" + FakeCommandServices.OPEN)
                .then().statusCode(303)
                .header("Location", containsString("/agencies/ep-973/inbox/" + FakeCommandServices.OPEN + "?submitted=1"));
        JsonNode call = lastCall();
        assertThat(call.get("path").asText()).isEqualTo("/api/advice-requests/" + FakeCommandServices.OPEN + "/submission");
        assertThat(call.get("idempotencyKey").asText()).isEqualTo(key);
        assertThat(call.get("actor").asText()).isEqualTo("agency ep-973");

        html = given().header("Authorization", AGENCY).when()
                .get("/agencies/ep-973/inbox/" + FakeCommandServices.OPEN + "?submitted=1").then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("Your advice was recorded as sent on 20 Mar 2025", "Sent in time")
                .doesNotContain("Send your advice");
    }

    @Test
    void advice_services_refusal_and_a_bad_date_appear_in_the_error_summary_linked_to_the_field() {
        Csrf csrf = csrf();
        String html = given().header("Authorization", AGENCY).contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.field())
                .formParam("submittedDate", "2025-02-30").formParam("key", "k-1")
                .when().post("/agencies/ep-973/inbox/" + FakeCommandServices.REFUSED)
                .then().statusCode(400).extract().asString();
        assertThat(html).contains("govuk-error-summary",
                "<a href=\"#submittedDate\">Enter the date the advice was sent as a real date, for example 2025-04-01</a>",
                "id=\"submittedDate-error\"", "value=\"2025-02-30\"");

        // asked on 2025-02-11: advice dated before it is advice-service's 422, naming submittedDate
        html = given().header("Authorization", AGENCY).contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", csrf.cookie()).formParam("csrf-token", csrf.field())
                .formParam("submittedDate", "2025-01-02").formParam("summary", "Early <b>draft</b>")
                .formParam("key", "k-2")
                .when().post("/agencies/ep-973/inbox/" + FakeCommandServices.REFUSED)
                .then().statusCode(422).extract().asString();
        assertThat(html).contains("<title>Error: Educational psychology advice for case 97300000 - EHCP Tracker</title>",
                "<a href=\"#submittedDate\">submittedDate 2025-01-02 is before the advice was requested (2025-02-11)</a>",
                "value=\"2025-01-02\"", ">Early &lt;b&gt;draft&lt;/b&gt;</textarea>", "value=\"k-2\"");
    }

    /** A form post without the CSRF cookie and field (another site's form) is refused before anything is sent. */
    @Test
    void a_form_post_without_the_csrf_token_is_refused() {
        given().header("Authorization", AGENCY).when().get("/agencies/ep-973/inbox").then().statusCode(200);
        given().header("Authorization", AGENCY).contentType("application/x-www-form-urlencoded")
                .formParam("submittedDate", "2025-03-20").formParam("key", "k-3")
                .when().post("/agencies/ep-973/inbox/" + FakeCommandServices.REFUSED)
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.equalTo("csrf-token"));
        // a browser gets the problem page saying what to do, never an empty page
        String page = given().header("Authorization", AGENCY).accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .contentType("application/x-www-form-urlencoded").formParam("submittedDate", "2025-03-20")
                .when().post("/agencies/ep-973/inbox/" + FakeCommandServices.REFUSED)
                .then().statusCode(400).contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("Sorry, there is a problem", "its security token is missing or has expired");
        assertThat(lastCall().get("path").asText()).isEqualTo("/api/agencies/ep-973/inbox?status=open&size=100");
        // an API call sent as a form (curl -d) gets a problem naming the token, and nothing is switched
        given().header("Authorization", TestTokens.bearer("admin:ops")).contentType("application/x-www-form-urlencoded")
                .formParam("x", "1").when().post("/api/admin/read-models/rebuilds/rebuild_1/switch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.equalTo("csrf-token"))
                .body("detail", containsString("Content-Type: application/json"));
    }

    @Test
    void an_unknown_request_is_page_not_found() {
        given().header("Authorization", AGENCY).when().get("/agencies/ep-973/inbox/00000000-0000-0000-0000-000000000999")
                .then().statusCode(404).body(containsString("Page not found"));
        given().header("Authorization", AGENCY).when().get("/agencies/ep-973/inbox/not-a-uuid")
                .then().statusCode(404).body(containsString("Page not found"));
    }
}
