package org.ehcptracker.reporting.pages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** advice-service's API as the agency pages use it (docs/advice-service.md); the user's credential by {@link UserCredentials}. */
@RegisterRestClient(configKey = "advice")
@RegisterClientHeaders(UserCredentials.class)
@Path("/api")
public interface AdviceApi {

    @GET
    @Path("/agencies/{agencyId}/inbox")
    Uni<Inbox> inbox(@PathParam("agencyId") String agencyId, @QueryParam("status") String status,
                     @QueryParam("size") Integer size);

    @GET
    @Path("/advice-requests/{id}")
    Uni<AdviceRequest> request(@PathParam("id") UUID id);

    @POST
    @Path("/advice-requests/{id}/submission")
    Uni<AdviceRequest> submit(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String idempotencyKey,
                              Submission submission);

    @POST
    @Path("/cases/{caseId}/advice-requests")
    Uni<com.fasterxml.jackson.databind.JsonNode> requestAdvice(@PathParam("caseId") UUID caseId,
                                                              java.util.Map<String, Object> body);

    @GET
    @Path("/cases/{caseId}/advice-requests")
    Uni<List<AdviceRequest>> ofCase(@PathParam("caseId") UUID caseId);

    @ClientExceptionMapper
    static RuntimeException problem(Response response) {
        return ApiProblem.of(response);
    }

    /** A page of an agency's inbox. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Inbox(String agencyId, LocalDate asOf, String status, long total, List<AdviceRequest> items) {
    }

    /** An advice request, as advice-service shows it to the agency. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AdviceRequest(UUID adviceRequestId, UUID caseId, String adviceType, String agencyId,
                         LocalDate requestedDate, LocalDate dueDate, String status, LocalDate submittedDate,
                         boolean late, Long daysLeft, Long daysLate, boolean returnedForRework) {

        /** Open: the agency still owes it. */
        public boolean open() {
            return "REQUESTED".equals(status) || returnedForRework;
        }
    }

    /** The body of a submission. */
    record Submission(String submittedDate, String summary) {
    }
}
