package org.ehcptracker.kit.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import org.ehcptracker.kit.domain.CommandRejected;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

    private final ProblemResponses problems = new ProblemResponses();

    @Test
    void eachKindOfRejectionHasItsStatus() {
        assertThat(problems.rejected(CommandRejected.invalid("caseId", "not a UUID")).getStatus()).isEqualTo(400);
        assertThat(problems.rejected(CommandRejected.notFound("no case")).getStatus()).isEqualTo(404);
        assertThat(problems.rejected(CommandRejected.conflict("already decided")).getStatus()).isEqualTo(409);
        assertThat(problems.rejected(CommandRejected.unprocessable("issuedDate", "no draft")).getStatus()).isEqualTo(422);
    }

    @Test
    void aRejectionNamesItsFieldAndReasonAsProblemJson() {
        Response response = problems.rejected(CommandRejected.unprocessable("issuedDate", "a final plan needs a draft plan first"));
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        HttpProblem problem = (HttpProblem) response.getEntity();
        assertThat(problem.getParameters()).containsEntry("field", "issuedDate");
        assertThat(problem.getDetail()).isEqualTo("a final plan needs a draft plan first");
        assertThat(problem.getTitle()).isEqualTo("Step not allowed");
    }

    @Test
    void aDatabaseThatCannotBeReachedOrDropsTheConnectionIs503WithRetryAfter() {
        for (Response response : new Response[] {
                problems.storeUnreachable(new ConnectException("Connection refused")),
                problems.storeConnectionLost(ClosedConnectionException.INSTANCE)}) {
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        }
    }
}
