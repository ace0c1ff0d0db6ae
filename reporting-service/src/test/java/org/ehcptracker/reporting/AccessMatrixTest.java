package org.ehcptracker.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.testtokens.AccessMatrix;
import org.junit.jupiter.api.Test;

/**
 * Every /api operation of reporting-service's OpenAPI document against every role and every kind of bad token
 * (platform/test-tokens' {@link AccessMatrix}). The table is docs/reporting.md's "Who may call what": the figures for
 * board members and council staff (caseworker; a team manager holds caseworker too), the case timeline for
 * caseworkers only. Council scope needs real data: {@link CouncilScopeTest}.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class AccessMatrixTest {

    static final Set<String> FIGURES = Set.of("board", "caseworker");

    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // the operators' dead letters (consumer-kit)
            Map.entry("GET /api/operations/dead-letters", Set.of("admin")),
            Map.entry("POST /api/operations/dead-letters/{consumer}/{eventId}/replay", Set.of("admin")),
            Map.entry("GET /api/local-authorities/{la}/board", FIGURES),
            Map.entry("GET /api/local-authorities/{la}/board/stream", FIGURES),
            Map.entry("GET /api/local-authorities/{la}/figures", FIGURES),
            Map.entry("GET /api/local-authorities/{la}/forecast", FIGURES),
            Map.entry("GET /api/local-authorities/{la}/what-if", FIGURES),
            Map.entry("GET /api/cases/{caseId}/timeline", Set.of("caseworker")),
            Map.entry("GET /api/local-authorities/{la}/sen2", Set.of("caseworker")),
            Map.entry("GET /api/local-authorities/{la}/figures/twenty-weeks", FIGURES),
            Map.entry("GET /api/local-authorities/{la}/figures/months", FIGURES),
            // rebuilding the read models (rebuild.rest.ReadModelResource)
            Map.entry("GET /api/admin/read-models/rebuilds/{schema}", Set.of("admin")),
            Map.entry("POST /api/admin/read-models/rebuilds/{schema}/switch", Set.of("admin")));

    @Test
    void every_operation_refuses_bad_tokens_and_roles_outside_its_table_and_admits_those_in_it() {
        // la is not a council code: an allowed caller gets its 400 at once. With a real code the stream would
        // answer 200 and never end (the matrix reads each answer whole); roles and tokens are checked before it,
        // and the council itself is CouncilScopeTest's.
        var matrix = new AccessMatrix(ALLOWED, Map.of("la", "9x1", "caseId", UUID.randomUUID().toString(),
                "consumer", "matrix", "eventId", UUID.randomUUID().toString(), "schema", "rebuild_404"), "839");

        int requests = matrix.verify();

        // every operation × (7 bad tokens + 5 roles)
        assertThat(requests).isEqualTo(ALLOWED.size() * 12);
    }
}
