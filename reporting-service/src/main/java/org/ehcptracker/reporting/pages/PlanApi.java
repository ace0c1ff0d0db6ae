package org.ehcptracker.reporting.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** plan-service's API as the case page uses it (docs/plan-service.md); the user's credential by {@link UserCredentials}. */
@RegisterRestClient(configKey = "plan")
@RegisterClientHeaders(UserCredentials.class)
@Path("/api/cases/{caseId}")
public interface PlanApi {

    @POST
    @Path("/draft-plan")
    Uni<JsonNode> issueDraft(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @POST
    @Path("/final-plan")
    Uni<JsonNode> issueFinal(@PathParam("caseId") UUID caseId, Map<String, Object> body);

    @ClientExceptionMapper
    static RuntimeException problem(Response response) {
        return ApiProblem.of(response);
    }
}
