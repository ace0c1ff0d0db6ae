package org.ehcptracker.kit.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.ehcptracker.eventstore.ConcurrencyConflict;
import org.junit.jupiter.api.Test;

class ConcurrentUpdateProblemTest {

    @Test
    void a_concurrent_update_is_409_naming_the_stream() {
        UUID stream = UUID.randomUUID();
        Response response = new ConcurrentUpdateProblem().concurrentUpdate(new ConcurrencyConflict(stream, 1, 2, null));
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
        assertThat(((HttpProblem) response.getEntity()).getParameters()).containsEntry("streamId", stream.toString());
    }
}
