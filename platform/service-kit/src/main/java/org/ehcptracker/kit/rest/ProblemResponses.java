package org.ehcptracker.kit.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import org.ehcptracker.kit.domain.AccessDenied;
import org.ehcptracker.kit.domain.CommandRejected;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place that turns the domain's refusals, unreadable bodies and an unreachable database into RFC 9457
 * problem+json (a concurrent append's conflict is mapped beside the store, in command-kit).
 * Bean-validation failures are already mapped by quarkus-resteasy-problem (400, with a
 * {@code violations} list naming each field).
 */
public class ProblemResponses {

    @ServerExceptionMapper
    public Response rejected(CommandRejected e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
        };
        var problem = HttpProblem.builder()
                .withStatus(status)
                .withTitle(switch (e.kind()) {
                    case INVALID -> "Invalid request";
                    case NOT_FOUND -> "Not found";
                    case CONFLICT -> "Conflict with the current state";
                    case UNPROCESSABLE -> "Step not allowed";
                })
                .withDetail(e.getMessage());
        if (e.field() != null) {
            problem.with("field", e.field());
        }
        return problem.build().toResponse();
    }

    /**
     * No token, an expired one, a tampered one, or one from another issuer or for another audience: 401 with
     * {@code WWW-Authenticate: Bearer}. The detail never says which check failed (that helps an attacker only).
     * Ahead of quarkus-resteasy-problem's own security mappers, whose 401 fails on this Quarkus version.
     */
    @ServerExceptionMapper(value = {UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class}, priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unauthenticated(RuntimeException e) {
        Response problem = HttpProblem.builder().withStatus(401).withTitle("Sign-in required")
                .withDetail("this call needs a valid bearer token from the council's identity provider")
                .build().toResponse();
        return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer").build();
    }

    /**
     * A signed-in caller outside the council or agency of what they asked for (403). A role that
     * {@code @RolesAllowed} refuses is answered by quarkus-resteasy-problem's own mapper (403 "Forbidden").
     */
    @ServerExceptionMapper
    public Response outOfScope(AccessDenied e) {
        return HttpProblem.builder().withStatus(403).withTitle("Not allowed")
                .withDetail(e.getMessage()).build().toResponse();
    }

    /**
     * A value Jackson cannot bind. Most binding failures never reach this mapper: Quarkus REST rethrows them
     * (or wraps them in a WebApplicationException) and quarkus-resteasy-problem's own mappers answer them first,
     * at any priority; {@link JsonBodyProblems} then rewrites their problem with {@link #bodyProblem}. This
     * mapper answers the rest the same way.
     */
    @ServerExceptionMapper
    public Response unreadableBody(JsonMappingException e) {
        return bindingProblem(e).toResponse();
    }

    /**
     * Declared so that Quarkus REST's built-in mapper for this type (plain application/json naming no path) is not
     * installed; the problem is then made as for every other binding failure.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return bindingProblem(e).toResponse();
    }

    /**
     * Quarkus REST wraps JSON that is not JSON (and a duplicate key) in a bare WebApplicationException(400), which
     * would answer an empty 400: that one becomes the body's problem. Any other WebApplicationException keeps its
     * own response when it has one, else becomes a problem with its status.
     */
    @ServerExceptionMapper
    public Response webApplication(jakarta.ws.rs.WebApplicationException e) {
        HttpProblem body = bodyProblem(e);
        if (body != null) {
            return body.toResponse();
        }
        if (e.getResponse() != null && e.getResponse().hasEntity()) {
            return e.getResponse();
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return HttpProblem.builder().withStatus(status)
                .withTitle(known == null ? "Error" : known.getReasonPhrase())
                .withDetail(e.getMessage())
                .build().toResponse();
    }

    /**
     * The problem for a body Jackson could not read, or null when {@code cause} is no such failure (it may come
     * wrapped in a WebApplicationException). 400, title "Invalid request body", with {@code field}, the value's
     * JSON path ({@code a.b}, {@code items[1].on}), when there is one. The detail never repeats the value: it
     * may be personal data (a name typed into the wrong field).
     */
    public static HttpProblem bodyProblem(Throwable cause) {
        Throwable t = cause;
        if (t instanceof jakarta.ws.rs.WebApplicationException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof JsonMappingException m) {
            return bindingProblem(m);
        }
        if (t instanceof StreamReadException r) {
            return malformedBody(r);
        }
        return null;
    }

    /**
     * JSON that is not JSON (unbalanced, unquoted names, ...), or a key given twice in one object
     * (StrictJson's STRICT_DUPLICATE_DETECTION): 400; a duplicate key names its field.
     */
    private static HttpProblem malformedBody(StreamReadException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        var problem = HttpProblem.builder().withStatus(400).withTitle("Invalid request body");
        if (message.startsWith("Duplicate field") && e.getProcessor() != null) {
            String field = pathOf(e.getProcessor().getParsingContext());
            withField(problem, field, "given twice; each field is given once");
            problem.withDetail(field + ": given twice; each field is given once");
        } else {
            // inside a field (a number too large for it, bytes that are not UTF-8 in its text): name it
            String field = e.getProcessor() == null ? "" : pathOf(e.getProcessor().getParsingContext());
            JsonLocation at = e.getLocation();
            String reason = "the body is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")");
            if (!field.isEmpty()) {
                withField(problem, field, reason);
                reason = field + ": " + reason;
            }
            problem.withDetail(reason);
        }
        return problem.build();
    }

    /** A value that looks like an enum constant: upper case letters, digits and underscores. */
    private static final java.util.regex.Pattern CODE_SHAPED = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private static HttpProblem bindingProblem(JsonMappingException e) {
        if (e.getCause() instanceof StreamReadException r) {
            return malformedBody(r); // e.g. a duplicate key inside a nested object
        }
        String field = pathOf(e.getPath());
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String reason;
        if (original.startsWith("Trailing token")) {
            reason = "nothing may follow the body's closing brace, and more JSON was found after it";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() == String.class && f.getValue() == null) {
            reason = original; // StrictJson's own words, without the text
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()
                && f.getValue() instanceof String v && CODE_SHAPED.matcher(v).matches()) {
            // a code-shaped value (no spaces, no lower case, no date) is repeated: it helps and cannot be a typed name
            reason = v + " is not one of " + java.util.Arrays.toString(f.getTargetType().getEnumConstants());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            reason = "expected " + describe(m.getTargetType());
        } else if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException) {
            reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "invalid value";
        } else {
            reason = "a value of the wrong type";
        }
        var problem = HttpProblem.builder()
                .withStatus(400)
                .withTitle("Invalid request body")
                .withDetail(field.isEmpty() ? reason : field + ": " + reason);
        if (!field.isEmpty()) {
            withField(problem, field, reason);
        }
        return problem.build();
    }

    /**
     * The field at fault, both as the domain's rejections name it ({@code field}) and as bean validation's
     * violations do ({@code violations: [{field, in, message}]}), so a client reads one shape for every 400.
     */
    private static void withField(HttpProblem.Builder problem, String field, String message) {
        problem.with("field", field);
        problem.with("violations", java.util.List.of(java.util.Map.of("field", field, "in", "body", "message", message)));
    }

    /** {@code a.b}, {@code items[1].on}: the shape bean validation's violations use for nested fields. */
    static String pathOf(java.util.List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** The same shape from the parser's position (a duplicate key is found while parsing, before any binding). */
    static String pathOf(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() == null) {
                return ""; // before the first name of an object: no field yet
            }
            parts.addFirst(c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    /** PostgreSQL unreachable: nothing was written; the caller may retry later. */
    @ServerExceptionMapper
    public Response storeUnreachable(ConnectException e) {
        return storeUnavailable();
    }

    /** PostgreSQL went away during the request (restart, failover): its transaction rolled back. */
    @ServerExceptionMapper
    public Response storeConnectionLost(ClosedConnectionException e) {
        return storeUnavailable();
    }

    /** 503 problem+json with Retry-After: nothing was recorded, the caller may retry (also command-kit's StoreUnavailableProblem). */
    public static Response storeUnavailable() {
        return HttpProblem.builder()
                .withStatus(503)
                .withTitle("Service unavailable")
                .withDetail("the database cannot be reached; nothing was recorded, please retry")
                .withHeader("Retry-After", "5")
                .build().toResponse();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == java.time.LocalDate.class) {
            return "a date as yyyy-mm-dd";
        }
        return "a " + type.getSimpleName();
    }
}
