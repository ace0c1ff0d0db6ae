package org.ehcptracker.reporting.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * assessment-service's API as the caseworker pages use it (docs/assessment-service.md). Answers are read as JSON
 * trees: the pages show a few fields and must not break when the service adds one. Command bodies are the API's own
 * field names; the user's credential by {@link UserCredentials}.
 */
@RegisterRestClient(configKey = "assessment")
@RegisterClientHeaders(UserCredentials.class)
@Path("/api")
public interface AssessmentApi {

    @GET
    @Path("/worklist")
    Uni<JsonNode> worklist(@QueryParam("la") String la, @QueryParam("caseworker") String caseworker,
                           @QueryParam("status") String status, @QueryParam("dueWithinDays") String dueWithinDays,
                           @QueryParam("overdue") String overdue, @QueryParam("size") Integer size);

    @GET
    @Path("/cases/{caseId}")
    Uni<JsonNode> find(@PathParam("caseId") UUID caseId);

    @POST
    @Path("/cases/{caseId}/decision")
    Uni<JsonNode> decide(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @POST
    @Path("/cases/{caseId}/exceptions")
    Uni<JsonNode> recordException(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @POST
    @Path("/cases/{caseId}/conclusion")
    Uni<JsonNode> conclude(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @POST
    @Path("/cases/{caseId}/transfer-in")
    Uni<JsonNode> transferIn(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @POST
    @Path("/cases/{caseId}/disputes")
    Uni<JsonNode> recordDispute(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @POST
    @Path("/cases/{caseId}/disputes/{disputeId}/outcome")
    Uni<JsonNode> recordDisputeOutcome(@PathParam("caseId") UUID caseId, @PathParam("disputeId") UUID disputeId,
                                       Map<String, Object> body);

    /** Who did what to the case (team managers only): each event's type, recorded time and actor (role:subject). */
    @GET
    @Path("/cases/{caseId}/audit")
    Uni<JsonNode> audit(@PathParam("caseId") UUID caseId);

    @ClientExceptionMapper
    static RuntimeException problem(Response response) {
        return ApiProblem.of(response);
    }
}
