package org.ehcptracker.testtokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ehcptracker.testtokens.HostileRequests.Case;
import org.ehcptracker.testtokens.HostileRequests.Operation;
import org.junit.jupiter.api.Test;

class HostileRequestsTest {

    /** A document shaped as smallrye-openapi writes them: a $ref'd body, a path id, a query code, roles. */
    static final Map<String, Object> DOCUMENT = Map.of(
            "paths", Map.of(
                    "/api/cases/{caseId}/decision", Map.of("post", Map.of(
                            "parameters", List.of(Map.of("name", "caseId", "in", "path", "required", true,
                                    "schema", Map.of("$ref", "#/components/schemas/UUID"))),
                            "requestBody", Map.of("content", Map.of("application/json",
                                    Map.of("schema", Map.of("$ref", "#/components/schemas/Decision")))),
                            "security", List.of(Map.of("SecurityScheme", List.of("caseworker"))))),
                    "/api/worklist", Map.of("get", Map.of(
                            "parameters", List.of(Map.of("name", "la", "in", "query", "required", true,
                                    "schema", Map.of("type", "string"))),
                            "security", List.of(Map.of("SecurityScheme", List.of("caseworker", "board"))))),
                    "/q/health", Map.of("get", Map.of())),
            "components", Map.of("schemas", Map.of(
                    "UUID", Map.of("type", "string", "format", "uuid"),
                    "LocalDate", Map.of("type", "string", "format", "date"),
                    "Decision", Map.of("type", "object", "required", List.of("decision", "decisionDate"),
                            "properties", properties()))));

    /** In the document's order, as JsonPath reads a real document (Map.of's order changes from run to run). */
    private static Map<String, Object> properties() {
        var properties = new java.util.LinkedHashMap<String, Object>();
        properties.put("decision", Map.of("type", "string", "enum", List.of("ASSESS", "REFUSE")));
        properties.put("decisionDate", Map.of("$ref", "#/components/schemas/LocalDate", "examples", List.of("2025-04-10")));
        properties.put("refusalNote", Map.of("type", "string", "maxLength", 2000));
        return properties;
    }

    private final HostileRequests generator = new HostileRequests(7, Map.of("caseId", "c-1"), "882", 1024);

    @Test
    void readsTheApiOperationsWithTheirRolesAndResolvedBody() {
        List<Operation> ops = HostileRequests.operations("assessment", DOCUMENT);
        assertThat(ops).extracting(Operation::toString).containsExactlyInAnyOrder(
                "assessment POST /api/cases/{caseId}/decision", "assessment GET /api/worklist");
        Operation decision = ops.stream().filter(o -> o.method().equals("POST")).findFirst().orElseThrow();
        assertThat(decision.roles()).containsExactly("caseworker");
        assertThat(decision.body()).containsKey("properties");
        assertThat(HostileRequests.kind(decision.pathParams().get(0).schema())).isEqualTo("uuid");
    }

    @Test
    void spoilsEachFieldByItsKindAndTheBodyAsAWhole() {
        Operation decision = HostileRequests.operations("assessment", DOCUMENT).stream()
                .filter(o -> o.method().equals("POST")).findFirst().orElseThrow();
        List<Case> cases = generator.cases(decision);
        assertThat(cases).extracting(Case::name).contains("malformed JSON", "body over the size limit",
                "duplicate key decision", "decision: unknown code", "decisionDate: 30 February",
                "decisionDate: year +999999999", "refusalNote: NUL", "refusalNote: lone high surrogate",
                "path caseId: not a UUID", "path caseId: 5,000-character id", "no content type");
        Case duplicate = byName(cases, "duplicate key decision");
        assertThat(new String(duplicate.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"decision\":\"ASSESS\",\"decision\":\"ASSESS\",\"decisionDate\":\"2025-04-10\"}");
        assertThat(duplicate.field()).isEqualTo("decision");
        assertThat(duplicate.mustReject()).isTrue();
        assertThat(new String(byName(cases, "refusalNote: lone high surrogate").body(), StandardCharsets.UTF_8))
                .contains("\"refusalNote\":\"a\\ud800b\"");
        assertThat(byName(cases, "body over the size limit").body().length).isGreaterThan(1024);
        assertThat(byName(cases, "decision: null").mustReject()).as("a required field sent as null").isTrue();
        assertThat(byName(cases, "refusalNote: null").mustReject()).as("an optional one").isFalse();
        assertThat(byName(cases, "refusalNote: 100,000 characters").mustReject()).as("over maxLength").isTrue();
        assertThat(byName(cases, "path caseId: NUL in id").target()).isEqualTo("/api/cases/%00/decision");
    }

    @Test
    void theSameSeedGivesTheSameCases() {
        Operation decision = HostileRequests.operations("assessment", DOCUMENT).stream()
                .filter(o -> o.method().equals("POST")).findFirst().orElseThrow();
        List<Case> once = generator.cases(decision);
        List<Case> again = new HostileRequests(7, Map.of("caseId", "c-1"), "882", 1024).cases(decision);
        assertThat(again).hasSameSizeAs(once);
        for (int i = 0; i < once.size(); i++) {
            assertThat(again.get(i).target()).isEqualTo(once.get(i).target());
            assertThat(again.get(i).body()).isEqualTo(once.get(i).body());
        }
    }

    @Test
    void aReadGetsPathAndQueryCasesOnlyWithTheCouncilWhereOneIsNamed() {
        Operation worklist = HostileRequests.operations("assessment", DOCUMENT).stream()
                .filter(Operation::reads).findFirst().orElseThrow();
        List<Case> cases = generator.cases(worklist);
        assertThat(cases).allSatisfy(c -> assertThat(c.body()).isNull());
        assertThat(byName(cases, "query la: NUL").target()).isEqualTo("/api/worklist?la=%00");
        assertThat(cases).extracting(Case::name).doesNotContain("malformed JSON");
    }

    private static Case byName(List<Case> cases, String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
                new AssertionError("no case " + name));
    }
}
