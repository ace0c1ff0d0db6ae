package org.ehcptracker.kit.rest;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Limits on what a request may carry, answered as problem+json like every other refusal (issue 14: a body over the
 * limit, a NUL in a path id, a body without a content type were an empty 413, a 500 and a 201):
 * <ul>
 *   <li>a body declared larger than {@code quarkus.http.limits.max-body-size} (10 MiB by default): 413, before any
 *       of it is read (Quarkus' own check answers the same status with an empty body, one route later);</li>
 *   <li>a path or query value holding a control character (NUL included) or bytes that are not UTF-8 (decoded as
 *       U+FFFD): 400 naming the parameter. PostgreSQL cannot store a NUL and a replaced character is not what the
 *       caller sent, so such a value can only fail later, as a 500 or as a silent change;</li>
 *   <li>a body without a Content-Type: 415 (Quarkus REST would otherwise read it as JSON anyway).</li>
 * </ul>
 * A URI longer than {@code quarkus.http.limits.max-initial-line-length} is refused by the HTTP decoder itself (414,
 * empty body), before any of this runs; the shared configuration sets it to 8 KiB, far above any real request.
 */
@ApplicationScoped
public class RequestLimits {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    /** Ahead of Quarkus' own body-size route (order -2), which would answer 413 with no body. */
    void refuseOversizedBodies(@Observes Router router) {
        long maxBodyBytes = maxBodySize.asLongValue();
        router.route().order(-3).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1; // the HTTP decoder refuses a malformed length itself
            }
            if (declared <= maxBodyBytes) {
                context.next();
                return;
            }
            var problem = new JsonObject().put("status", 413).put("title", "Request body too large")
                    .put("detail", "the body may hold at most " + maxBodyBytes + " bytes; it declared " + declared);
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    // the rest of the body is not read: the connection cannot carry another request
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(problem.encode());
        });
    }

    /** Path and query values checked once their parameters are known, so the problem can name them. */
    @ServerRequestFilter
    public Response refuseUnstorableValues(ResteasyReactiveContainerRequestContext request, UriInfo uri) {
        // the APIs only: a page answers a bad value with its own GOV.UK error summary, in HTML, naming the field
        if (!uri.getPath().startsWith("/api/")) {
            return null;
        }
        for (var values : List.of(Map.entry("path", uri.getPathParameters()), Map.entry("query", uri.getQueryParameters()))) {
            for (var parameter : values.getValue().entrySet()) {
                for (String value : parameter.getValue()) {
                    String flaw = flaw(value);
                    if (flaw != null) {
                        return HttpProblem.builder().withStatus(400).withTitle("Invalid request")
                                .withDetail(parameter.getKey() + ": " + flaw)
                                .with("field", parameter.getKey())
                                .with("violations", List.of(Map.of("field", parameter.getKey(), "in", values.getKey(),
                                        "message", flaw)))
                                .build().toResponse();
                    }
                }
            }
        }
        boolean hasBody = request.getHeaderString(jakarta.ws.rs.core.HttpHeaders.CONTENT_LENGTH) != null
                ? !"0".equals(request.getHeaderString(jakarta.ws.rs.core.HttpHeaders.CONTENT_LENGTH).trim())
                : request.getHeaderString("Transfer-Encoding") != null;
        if (hasBody && request.getHeaderString(jakarta.ws.rs.core.HttpHeaders.CONTENT_TYPE) == null) {
            return HttpProblem.builder().withStatus(415).withTitle("Unsupported Media Type")
                    .withDetail("the body has no Content-Type; send application/json")
                    .build().toResponse();
        }
        return null;
    }

    /** What makes a path or query value unstorable as it was sent, or null. */
    static String flaw(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return "holds a NUL character (\\u0000)";
            }
            if (Character.isISOControl(c)) {
                return "holds a control character";
            }
            if (c == '\uFFFD') {
                return "holds bytes that are not UTF-8";
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(++i)))) {
                return "holds half a character (a lone UTF-16 surrogate)";
            }
        }
        return null;
    }
}
