package org.ehcptracker.kit.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every API call (paths under /api) must name its actor; pages, health and OpenAPI do not. The actor
 * is parsed here, once, into the request's {@link CurrentActor}.
 */
public class ActorRequired {

    private final ProblemResponses problems = new ProblemResponses();
    private final CurrentActor actor;

    public ActorRequired(CurrentActor actor) {
        this.actor = actor;
    }

    @ServerRequestFilter
    public Optional<Response> requireActor(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        try {
            actor.set(Actor.parse(request.getHeaderString(Actor.HEADER)));
            return Optional.empty();
        } catch (CommandRejected e) {
            return Optional.of(problems.rejected(e));
        }
    }
}
