package org.ehcptracker.reporting.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * plan-service's API as the case page uses it (docs/plan-service.md): the draft and final plan, the plan in force and
 * its annual reviews, the child's SEN needs. The user's credential by {@link UserCredentials}.
 */
@RegisterRestClient(configKey = "plan")
@RegisterClientHeaders(UserCredentials.class)
@Path("/api")
public interface PlanApi {

    @POST
    @Path("/cases/{caseId}/draft-plan")
    Uni<JsonNode> issueDraft(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @POST
    @Path("/cases/{caseId}/final-plan")
    Uni<JsonNode> issueFinal(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    /** The case's plan (404 before a draft): its planId and whether the final plan is issued. */
    @GET
    @Path("/cases/{caseId}/plan")
    Uni<JsonNode> ofCase(@PathParam("caseId") UUID caseId);

    /** The plan in force: review due, the open review, every review (404 before the final plan). */
    @GET
    @Path("/plans/{planId}")
    Uni<JsonNode> inForce(@PathParam("planId") UUID planId);

    @POST
    @Path("/plans/{planId}/reviews")
    Uni<JsonNode> holdReviewMeeting(@PathParam("planId") UUID planId, Map<String, Object> body);

    @POST
    @Path("/reviews/{reviewId}/decision")
    Uni<JsonNode> decideReview(@PathParam("reviewId") UUID reviewId, Map<String, Object> body);

    @POST
    @Path("/reviews/{reviewId}/amended-plan")
    Uni<JsonNode> issueAmended(@PathParam("reviewId") UUID reviewId, Map<String, Object> body);

    /** The child's SEN needs on the plan (section B), the primary first. */
    @PUT
    @Path("/plans/{planId}/sen-needs")
    Uni<JsonNode> recordSenNeeds(@PathParam("planId") UUID planId, Map<String, Object> body);

    @ClientExceptionMapper
    static RuntimeException problem(Response response) {
        return ApiProblem.of(response);
    }
}
