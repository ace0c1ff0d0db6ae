package org.ehcptracker.reporting.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

/**
 * A command service's refusal (RFC 9457 problem+json): its status, the field it names (the last part of a
 * bean-validation path, e.g. {@code submit.body.submittedDate} -> {@code submittedDate}) and its detail, for the
 * GOV.UK error summary.
 */
public final class ApiProblem extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String field;

    ApiProblem(int status, String field, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    /** The field the service named, or null. */
    public String field() {
        return field;
    }

    /** Read from a response of 400 or more; null for a success. */
    static ApiProblem of(Response response) {
        if (response.getStatus() < 400) {
            return null;
        }
        String field = null;
        String detail = null;
        try {
            JsonNode problem = JSON.readTree(response.readEntity(String.class));
            JsonNode violation = problem.path("violations").path(0);
            if (!violation.isMissingNode()) {
                field = lastPart(violation.path("field").asText(null));
                detail = violation.path("message").asText(null);
            }
            if (problem.hasNonNull("field")) {
                field = lastPart(problem.get("field").asText());
            }
            if (problem.hasNonNull("detail")) {
                detail = problem.get("detail").asText();
            }
        } catch (Exception unreadable) {
            // not problem+json (a proxy's page, an empty body): the status says enough
        }
        if (detail == null) {
            detail = switch (response.getStatus()) {
                case 401, 403 -> "You are not allowed to do this. Sign in as the user it is for.";
                case 404 -> "There is no such record.";
                case 409 -> "Someone else changed this record at the same time. Check it and try again.";
                default -> "The service could not do this (status " + response.getStatus() + ").";
            };
        }
        return new ApiProblem(response.getStatus(), field, detail);
    }

    private static String lastPart(String path) {
        return path == null ? null : path.substring(path.lastIndexOf('.') + 1);
    }
}
