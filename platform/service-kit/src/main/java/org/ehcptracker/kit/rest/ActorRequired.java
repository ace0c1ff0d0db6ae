package org.ehcptracker.kit.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every API call (paths under /api) must name its actor; pages, health and OpenAPI do not.
 * Resources read the actor with {@code @RestHeader(Actor.HEADER)} and {@link Actor#parse}.
 */
public class ActorRequired {

    private final ProblemResponses problems = new ProblemResponses();

    @ServerRequestFilter
    public Optional<Response> requireActor(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        try {
            Actor.parse(request.getHeaderString(Actor.HEADER));
            return Optional.empty();
        } catch (CommandRejected e) {
            return Optional.of(problems.rejected(e));
        }
    }
}
