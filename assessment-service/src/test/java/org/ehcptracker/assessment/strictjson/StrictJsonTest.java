package org.ehcptracker.assessment.strictjson;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * service-kit's strict JSON binding (StrictJson, ProblemResponses) as every service gets it: each way a body can
 * fail to bind is a 400 application/problem+json whose {@code field} is the JSON path of the value, and whose
 * detail never echoes the value (it may be a name typed by mistake). Sent to a test-only echo endpoint
 * ({@link StrictJsonProbeResource}) in assessment-service's Quarkus application.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
class StrictJsonTest {

    static ValidatableResponse post(String json) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(json)
                .post("/strict-json-probe").then().log().ifValidationFails();
    }

    static ValidatableResponse problem(String json, String field) {
        ValidatableResponse r = post(json).statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
        return field == null ? r : r.body("field", equalTo(field)).body("detail", containsString(field))
                .body("violations[0].field", equalTo(field)).body("violations[0].in", equalTo("body"));
    }

    @Test
    void a_good_body_binds() {
        post("""
                {"text":"ok","kind":"REASSESSMENT","date":"2025-03-03","flag":true,"count":3,
                 "inner":{"on":"2025-03-04","who":"PARENT","note":"tab\\tand\\nline breaks"},"items":[{"who":"OTHER"}]}""")
                .statusCode(200).body("kind", equalTo("REASSESSMENT")).body("inner.on", equalTo("2025-03-04"));
    }

    @Test
    void a_boolean_or_a_number_where_an_enum_belongs() {
        problem("{\"kind\":true}", "kind").body("detail", containsString("INITIAL"));
        problem("{\"kind\":0}", "kind");
        // a code-shaped value is repeated (it helps, and cannot be a typed name); anything else never is
        problem("{\"kind\":\"RENEWAL\"}", "kind").body("detail", containsString("RENEWAL"))
                .body("detail", containsString("REASSESSMENT"));
        problem("{\"inner\":{\"who\":false}}", "inner.who");
    }

    @Test
    void an_object_a_number_an_array_or_a_bad_string_where_a_date_belongs() {
        problem("{\"date\":{}}", "date").body("detail", containsString("yyyy-mm-dd"));
        problem("{\"date\":20000}", "date");
        problem("{\"date\":[2025,3,3]}", "date");
        problem("{\"date\":true}", "date");
        problem("{\"date\":\"2025-02-30\"}", "date");
        problem("{\"date\":\"03/03/2025\"}", "date");
        problem("{\"inner\":{\"on\":\"2025-13-01\"}}", "inner.on");
        problem("{\"items\":[{\"who\":\"PARENT\"},{\"on\":7}]}", "items[1].on");
    }

    @Test
    void a_number_a_boolean_or_an_object_where_text_belongs() {
        problem("{\"text\":5}", "text");
        problem("{\"text\":true}", "text");
        problem("{\"text\":{\"a\":1}}", "text");
        problem("{\"inner\":{\"note\":[\"x\"]}}", "inner.note");
    }

    @Test
    void text_where_a_boolean_or_a_number_belongs() {
        problem("{\"flag\":\"yes\"}", "flag");
        problem("{\"flag\":1}", "flag");
        problem("{\"count\":\"three\"}", "count");
        problem("{\"count\":1.5}", "count");
    }

    @Test
    void a_key_given_twice_is_refused_not_last_one_wins() {
        problem("{\"kind\":\"INITIAL\",\"kind\":\"REASSESSMENT\"}", "kind");
        problem("{\"inner\":{\"note\":\"a\",\"note\":\"b\"}}", "inner.note");
    }

    @Test
    void anything_after_the_body_is_refused() {
        problem("{\"text\":\"a\"} {\"text\":\"b\"}", null).body("detail", containsString("after"));
        problem("{\"text\":\"a\"} x", null);
    }

    @Test
    void malformed_json_is_a_problem_too() {
        problem("{\"text\":\"a\"", null);
        problem("{\"text\" \"a\"}", null);
        problem("{'text':'a'}", null);
        problem("[1,2", null);
    }

    @Test
    void a_lone_surrogate_or_a_nul_in_any_text_names_the_field() {
        problem("{\"text\":\"a\\ud800b\"}", "text");
        problem("{\"inner\":{\"note\":\"\\udc00\"}}", "inner.note");
        problem("{\"items\":[{\"note\":\"x\\u0000y\"}]}", "items[0].note");
        // a pair is one character (here U+1F600), not a lone surrogate
        post("{\"text\":\"smile \\ud83d\\ude00\"}").statusCode(200);
    }

    @Test
    void the_detail_never_echoes_the_value() {
        post("{\"kind\":\"Zebedee Quartermaine 2015-03-14\"}").statusCode(400)
                .body(org.hamcrest.Matchers.not(containsString("Zebedee")));
        post("{\"date\":\"Zebedee Quartermaine 2015-03-14\"}").statusCode(400)
                .body(org.hamcrest.Matchers.not(containsString("Zebedee")));
    }
}
