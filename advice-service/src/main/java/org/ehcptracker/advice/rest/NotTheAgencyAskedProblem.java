package org.ehcptracker.advice.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import org.ehcptracker.advice.domain.NotTheAgencyAsked;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An agency acting on another agency's request: 403 problem+json with the reason and the field. */
public class NotTheAgencyAskedProblem {

    @ServerExceptionMapper
    public Response forbidden(NotTheAgencyAsked e) {
        return HttpProblem.builder()
                .withStatus(Response.Status.FORBIDDEN)
                .withTitle("Forbidden")
                .withDetail(e.getMessage())
                .with("field", e.field())
                .build().toResponse();
    }
}
