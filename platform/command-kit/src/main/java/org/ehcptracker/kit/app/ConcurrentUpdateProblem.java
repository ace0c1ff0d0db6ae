package org.ehcptracker.kit.app;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import org.ehcptracker.eventstore.ConcurrencyConflict;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Someone else changed the same stream between our read and our write: 409, and the caller retries. */
public class ConcurrentUpdateProblem {

    @ServerExceptionMapper
    public Response concurrentUpdate(ConcurrencyConflict e) {
        return HttpProblem.builder()
                .withStatus(409)
                .withTitle("Concurrent update")
                .withDetail("the record was changed by another request at the same time; reload it and try again")
                .with("streamId", String.valueOf(e.streamId()))
                .build().toResponse();
    }
}
