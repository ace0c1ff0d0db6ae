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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.advice.domain.AdviceRequest;
import org.ehcptracker.advice.domain.CancelAdviceRequest;
import org.ehcptracker.advice.domain.RequestAdvice;
import org.ehcptracker.advice.domain.SubmitAdvice;
import org.ehcptracker.advice.persistence.AdviceRequestViews;
import org.ehcptracker.advice.persistence.AssessmentCases;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.store.EventSourcedCommands;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Advice requests to partner agencies and their submissions. See docs/advice-service.md. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "advice requests")
public class AdviceRequestResource {

    private final EventSourcedCommands commands;
    private final AssessmentCases cases;
    private final AdviceRequestViews views;
    private final Clock clock;

    public AdviceRequestResource(EventSourcedCommands commands, AssessmentCases cases, AdviceRequestViews views,
                                 Clock clock) {
        this.commands = commands;
        this.cases = cases;
        this.views = views;
        this.clock = clock;
    }

    @POST
    @Path("/cases/{caseId}/advice-requests")
    @Operation(summary = "Ask a partner agency for advice on a case the LA decided to assess",
            description = "Publishes AdviceRequested with dueDate = requestedDate + 6 weeks (Reg 8(1)).")
    @APIResponse(responseCode = "201", description = "requested; Location names the new advice request")
    @APIResponse(responseCode = "400", description = "missing X-Actor or an invalid body (the field is named)")
    @APIResponse(responseCode = "422", description = "the case is unknown here, not yet decided, refused or withdrawn;"
            + " or requestedDate is before the request was received or in the future")
    public Uni<Response> requestAdvice(@RestPath UUID caseId,
                                       @Parameter(required = true, example = "caseworker:jsmith") @RestHeader(Actor.HEADER) String actorHeader,
                                       @Valid @NotNull RequestAdviceBody body) {
        Actor actor = Actor.parse(actorHeader);
        UUID adviceRequestId = UUID.randomUUID();
        var command = new RequestAdvice(adviceRequestId, caseId, body.adviceType(), body.agencyId(), body.requestedDate());
        return cases.find(caseId)
                .chain(seen -> commands.execute(adviceRequestId, AdviceEvent.class, actor,
                        history -> AdviceRequest.request(history, command, seen, clock),
                        (tx, decided) -> views.apply(tx, decided)))
                .chain(() -> view(adviceRequestId))
                .map(view -> Response.created(URI.create("/api/advice-requests/" + adviceRequestId)).entity(view).build());
    }

    @POST
    @Path("/advice-requests/{adviceRequestId}/submission")
    @Operation(summary = "Record the agency's advice",
            description = "Publishes AdviceSubmitted. The summary stays in advice-service and is never published."
                    + " An actor of role agency must be the agency the request was addressed to.")
    @APIResponse(responseCode = "200", description = "recorded")
    @APIResponse(responseCode = "404", description = "no such advice request")
    @APIResponse(responseCode = "409", description = "already submitted (duplicate), cancelled, or a concurrent submission won")
    @APIResponse(responseCode = "422", description = "submittedDate before requestedDate or in the future;"
            + " or (field agencyId) the submitting agency is not the one asked")
    public Uni<AdviceRequestView> submit(@RestPath UUID adviceRequestId,
                                         @Parameter(required = true, example = "agency:839-EPS") @RestHeader(Actor.HEADER) String actorHeader,
                                         @Valid @NotNull SubmissionBody body) {
        Actor actor = Actor.parse(actorHeader);
        var command = new SubmitAdvice(adviceRequestId, body.submittedDate(), actor);
        return commands.execute(adviceRequestId, AdviceEvent.class, actor,
                        history -> AdviceRequest.submit(history, command, clock),
                        (tx, decided) -> views.apply(tx, decided)
                                .chain(() -> views.saveSubmission(tx, adviceRequestId, actor.toString(), blankToNull(body.summary()))))
                .chain(() -> view(adviceRequestId));
    }

    @POST
    @Path("/advice-requests/{adviceRequestId}/cancellation")
    @Operation(summary = "Cancel an open advice request", description = "Publishes AdviceRequestCancelled.")
    @APIResponse(responseCode = "200", description = "cancelled")
    @APIResponse(responseCode = "404", description = "no such advice request")
    @APIResponse(responseCode = "409", description = "already submitted or already cancelled")
    @APIResponse(responseCode = "422", description = "cancelledDate before requestedDate or in the future")
    public Uni<AdviceRequestView> cancel(@RestPath UUID adviceRequestId,
                                         @Parameter(required = true, example = "caseworker:jsmith") @RestHeader(Actor.HEADER) String actorHeader,
                                         @Valid @NotNull CancellationBody body) {
        Actor actor = Actor.parse(actorHeader);
        var command = new CancelAdviceRequest(adviceRequestId, body.reason(), body.cancelledDate());
        return commands.execute(adviceRequestId, AdviceEvent.class, actor,
                        history -> AdviceRequest.cancel(history, command, clock),
                        (tx, decided) -> views.apply(tx, decided))
                .chain(() -> view(adviceRequestId));
    }

    @GET
    @Path("/advice-requests/{adviceRequestId}")
    @Operation(summary = "One advice request, with its due date, status and lateness as of today")
    @APIResponse(responseCode = "404", description = "no such advice request")
    public Uni<AdviceRequestView> get(@RestPath UUID adviceRequestId) {
        return view(adviceRequestId);
    }

    @GET
    @Path("/advice-requests/{adviceRequestId}/submission")
    @Operation(summary = "The advice text the agency submitted (kept here only, never published)")
    @APIResponse(responseCode = "404", description = "no such advice request, or no advice submitted")
    public Uni<SubmissionView> submission(@RestPath UUID adviceRequestId) {
        return view(adviceRequestId).chain(view -> views.findSubmission(adviceRequestId).map(found -> {
            if (view.submittedDate() == null || found.isEmpty()) {
                throw CommandRejected.notFound("no advice has been submitted for advice request " + adviceRequestId);
            }
            return new SubmissionView(adviceRequestId, view.submittedDate(), found.get().submittedBy(), found.get().summary());
        }));
    }

    @GET
    @Path("/advice-requests")
    @Operation(summary = "An agency's inbox: every request addressed to it, soonest due first")
    @APIResponse(responseCode = "400", description = "agencyId missing")
    public Uni<List<AdviceRequestView>> inbox(@Parameter(required = true, example = "839-EPS") @RestQuery String agencyId) {
        if (agencyId == null || agencyId.isBlank()) {
            throw CommandRejected.invalid("agencyId", "query parameter agencyId is required: whose inbox to list");
        }
        LocalDate today = AdviceRequest.today(clock);
        return views.forAgency(agencyId.trim()).map(rows -> rows.stream().map(r -> AdviceRequestView.of(r, today)).toList());
    }

    @GET
    @Path("/cases/{caseId}/advice-requests")
    @Operation(summary = "Every advice request of a case (empty for a case without any)")
    public Uni<List<AdviceRequestView>> forCase(@RestPath UUID caseId) {
        LocalDate today = AdviceRequest.today(clock);
        return views.forCase(caseId).map(rows -> rows.stream().map(r -> AdviceRequestView.of(r, today)).toList());
    }

    private Uni<AdviceRequestView> view(UUID adviceRequestId) {
        return views.find(adviceRequestId).map(row -> row
                .map(r -> AdviceRequestView.of(r, AdviceRequest.today(clock)))
                .orElseThrow(() -> CommandRejected.notFound("there is no advice request " + adviceRequestId)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
