package org.ehcptracker.reporting.pages;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.ehcptracker.kit.rest.ProblemResponses;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A page asked for without a signed-in user is answered with the sign-in challenge (a redirect to the provider's
 * login page, with its state cookie), not the API's 401 problem: service-kit's {@link ProblemResponses} answers every
 * authentication failure as problem+json, which suits /api only. Ahead of it by priority; /api keeps its answer.
 */
public class SignInChallenge {

    private final ProblemResponses problems = new ProblemResponses();

    @ServerExceptionMapper(value = {UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class}, priority = Priorities.USER - 200)
    public Uni<Response> signIn(RuntimeException e, RoutingContext routing) {
        HttpAuthenticator authenticator = routing.get(HttpAuthenticator.class.getName());
        if (routing.normalizedPath().startsWith("/api/") || authenticator == null) {
            return Uni.createFrom().item(problems.unauthenticated(e));
        }
        return authenticator.getChallenge(routing).map(challenge -> {
            Response.ResponseBuilder answer = Response.status(challenge.status);
            challenge.getHeaders().forEach((name, value) -> answer.header(name.toString(), value));
            return answer.build();
        });
    }
}
