package org.ehcptracker.advice.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.advice.app.AdviceRequestAsOf;
import org.ehcptracker.advice.app.AdviceRequestQueries;
import org.ehcptracker.advice.app.AdviceRequests;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.rest.CurrentActor;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Advice requests to partner agencies and their submissions. See docs/advice-service.md. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "advice requests")
public class AdviceRequestResource {

    private final AdviceRequests requests;
    private final AdviceRequestQueries queries;
    private final CurrentActor actor;

    public AdviceRequestResource(AdviceRequests requests, AdviceRequestQueries queries, CurrentActor actor) {
        this.requests = requests;
        this.queries = queries;
        this.actor = actor;
    }

    @POST
    @Path("/cases/{caseId}/advice-requests")
    @Operation(summary = "Ask a partner agency for advice on a case the LA decided to assess",
            description = "Publishes AdviceRequested with dueDate = requestedDate + 6 weeks (Reg 8(1)).")
    @Parameter(name = Actor.HEADER, in = ParameterIn.HEADER, required = true, example = "caseworker:jsmith")
    @APIResponse(responseCode = "201", description = "requested; Location names the new advice request")
    @APIResponse(responseCode = "400", description = "missing X-Actor or an invalid body (the field is named)")
    @APIResponse(responseCode = "422", description = "the case is unknown here, not yet decided, refused or withdrawn;"
            + " or requestedDate is before the request was received or in the future")
    public Uni<Response> requestAdvice(@RestPath UUID caseId, @Valid @NotNull RequestAdviceBody body) {
        UUID adviceRequestId = UUID.randomUUID();
        return requests.request(adviceRequestId, actor.current(), body.toCommand(adviceRequestId, caseId))
                .map(made -> Response.created(URI.create("/api/advice-requests/" + adviceRequestId))
                        .entity(AdviceRequestView.of(made)).build());
    }

    @POST
    @Path("/advice-requests/{adviceRequestId}/submission")
    @Operation(summary = "Record the agency's advice",
            description = "Publishes AdviceSubmitted. The summary stays in advice-service and is never published."
                    + " An actor of role agency must be the agency the request was addressed to.")
    @Parameter(name = Actor.HEADER, in = ParameterIn.HEADER, required = true, example = "agency:839-EPS")
    @APIResponse(responseCode = "200", description = "recorded")
    @APIResponse(responseCode = "404", description = "no such advice request")
    @APIResponse(responseCode = "409", description = "already submitted (duplicate), cancelled, or a concurrent submission won")
    @APIResponse(responseCode = "422", description = "submittedDate before requestedDate or in the future;"
            + " or (field agencyId) the submitting agency is not the one asked")
    public Uni<AdviceRequestView> submit(@RestPath UUID adviceRequestId, @Valid @NotNull SubmissionBody body) {
        Actor submittedBy = actor.current();
        return requests.submit(adviceRequestId, submittedBy, body.toCommand(adviceRequestId, submittedBy))
                .map(AdviceRequestView::of);
    }

    @POST
    @Path("/advice-requests/{adviceRequestId}/cancellation")
    @Operation(summary = "Cancel an open advice request", description = "Publishes AdviceRequestCancelled.")
    @Parameter(name = Actor.HEADER, in = ParameterIn.HEADER, required = true, example = "caseworker:jsmith")
    @APIResponse(responseCode = "200", description = "cancelled")
    @APIResponse(responseCode = "404", description = "no such advice request")
    @APIResponse(responseCode = "409", description = "already submitted or already cancelled")
    @APIResponse(responseCode = "422", description = "cancelledDate before requestedDate or in the future")
    public Uni<AdviceRequestView> cancel(@RestPath UUID adviceRequestId, @Valid @NotNull CancellationBody body) {
        return requests.cancel(adviceRequestId, actor.current(), body.toCommand(adviceRequestId)).map(AdviceRequestView::of);
    }

    @GET
    @Path("/advice-requests/{adviceRequestId}")
    @Operation(summary = "One advice request, with its due date, status and lateness as of today")
    @APIResponse(responseCode = "404", description = "no such advice request")
    public Uni<AdviceRequestView> get(@RestPath UUID adviceRequestId) {
        return queries.get(adviceRequestId).map(AdviceRequestView::of);
    }

    @GET
    @Path("/advice-requests/{adviceRequestId}/submission")
    @Operation(summary = "The advice text the agency submitted (kept here only, never published)")
    @APIResponse(responseCode = "404", description = "no such advice request, or no advice submitted")
    public Uni<SubmissionView> submission(@RestPath UUID adviceRequestId) {
        return queries.submission(adviceRequestId).map(SubmissionView::of);
    }

    @GET
    @Path("/advice-requests")
    @Operation(summary = "An agency's inbox: every request addressed to it, soonest due first")
    @APIResponse(responseCode = "400", description = "agencyId missing")
    public Uni<List<AdviceRequestView>> inbox(@Parameter(required = true, example = "839-EPS") @RestQuery String agencyId) {
        return queries.inbox(agencyId).map(AdviceRequestResource::views);
    }

    @GET
    @Path("/cases/{caseId}/advice-requests")
    @Operation(summary = "Every advice request of a case (empty for a case without any)")
    public Uni<List<AdviceRequestView>> forCase(@RestPath UUID caseId) {
        return queries.forCase(caseId).map(AdviceRequestResource::views);
    }

    private static List<AdviceRequestView> views(List<AdviceRequestAsOf> requests) {
        return requests.stream().map(AdviceRequestView::of).toList();
    }
}
