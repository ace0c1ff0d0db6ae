package org.ehcptracker.kit.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.stream.Collectors;
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
     * Malformed JSON, or a value Jackson cannot map. (An unreadable date or enum value is answered by
     * quarkus-resteasy-problem's own InvalidFormatException mapper: 400 with the field, but its detail
     * is Jackson's text; taking that over did not work at either priority, see the closing notes.)
     */
    @ServerExceptionMapper
    public Response unreadableBody(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        String reason = e instanceof MismatchedInputException m && m.getTargetType() != null
                ? "expected " + describe(m.getTargetType())
                : e.getOriginalMessage();
        var problem = HttpProblem.builder()
                .withStatus(400)
                .withTitle("Invalid request body")
                .withDetail(field.isEmpty() ? reason : field + ": " + reason);
        if (!field.isEmpty()) {
            problem.with("field", field);
        }
        return problem.build().toResponse();
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

    private static Response storeUnavailable() {
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
