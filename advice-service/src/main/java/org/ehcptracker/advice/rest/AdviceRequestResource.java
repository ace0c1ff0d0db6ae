package org.ehcptracker.advice.rest;

import jakarta.annotation.security.RolesAllowed;
import org.ehcptracker.kit.domain.Role;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.advice.app.AdviceRequestAsOf;
import org.ehcptracker.advice.app.AdviceRequestQueries;
import org.ehcptracker.advice.app.AdviceRequests;
import org.ehcptracker.advice.app.AgencyInbox;
import org.ehcptracker.advice.domain.AdviceRequestReach;
import org.ehcptracker.advice.domain.AdviceRequestStatus;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.app.IdempotentCreates;
import org.ehcptracker.kit.rest.CurrentActor;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Advice requests to partner agencies and their submissions. See docs/advice-service.md ("Who may call what"):
 * council staff act on their councils' requests, an agency user reaches only those addressed to its agency.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "advice requests")
public class AdviceRequestResource {

    private final AdviceRequests requests;
    private final AdviceRequestQueries queries;
    private final AgencyInbox inbox;
    private final CurrentActor actor;
    private final IdempotentCreates creates;

    public AdviceRequestResource(AdviceRequests requests, AdviceRequestQueries queries, AgencyInbox inbox, CurrentActor actor,
                                 IdempotentCreates creates) {
        this.creates = creates;
        this.requests = requests;
        this.queries = queries;
        this.inbox = inbox;
        this.actor = actor;
    }

    @RolesAllowed(Role.CASEWORKER)
    @POST
    @Path("/cases/{caseId}/advice-requests")
    @Operation(summary = "Ask a partner agency for advice on a case the LA decided to assess",
            description = "Publishes AdviceRequested with dueDate = requestedDate + 6 weeks (Reg 8(1)).")
    @APIResponse(responseCode = "201", description = "requested (or the first answer to this Idempotency-Key replayed);"
            + " Location names the new advice request")
    @APIResponse(responseCode = "400", description = "an invalid body or Idempotency-Key (the field is named)")
    @APIResponse(responseCode = "403", description = "a role that may not call this, or a case of a council you do not act for")
    @APIResponse(responseCode = "422", description = "the case is unknown here, not yet decided, refused or withdrawn;"
            + " or requestedDate is before the request was received or in the future; or the Idempotency-Key was used before"
            + " for a different request")
    public Uni<Response> requestAdvice(@RestPath UUID caseId,
                                       @Parameter(name = IdempotentCreates.HEADER, in = ParameterIn.HEADER,
                                               description = IdempotentCreates.DESCRIPTION, example = IdempotentCreates.EXAMPLE)
                                       @RestHeader(IdempotentCreates.HEADER) String idempotencyKey,
                                       @Valid @NotNull RequestAdviceBody body) {
        Actor caller = actor.current();
        return creates.once(idempotencyKey, caller, body, () -> {
            UUID adviceRequestId = UUID.randomUUID();
            return requests.request(adviceRequestId, caller, body.toCommand(adviceRequestId, caseId))
                    .map(made -> Response.created(URI.create("/api/advice-requests/" + adviceRequestId))
                            .entity(AdviceRequestView.of(made)).build());
        });
    }

    @RolesAllowed({Role.CASEWORKER, Role.AGENCY})
    @POST
    @Path("/advice-requests/{adviceRequestId}/submission")
    @Operation(summary = "Record the agency's advice",
            description = "Publishes AdviceSubmitted. The summary stays in advice-service and is never published."
                    + " An actor of role agency must be the agency the request was addressed to. Send an Idempotency-Key"
                    + " (any 1-255 printable characters, new for each submission): a retry with the same key and body"
                    + " gets the first answer again (with Idempotent-Replayed: true) and records nothing more.")
    @APIResponse(responseCode = "200", description = "recorded, or the first answer to this Idempotency-Key replayed")
    @APIResponse(responseCode = "400", description = "an invalid body or Idempotency-Key (the field is named)")
    @APIResponse(responseCode = "403", description = "a role that may not call this; a request of a council you do not act for;"
            + " or (field agencyId) an agency user and a request addressed to another agency")
    @APIResponse(responseCode = "404", description = "no such advice request")
    @APIResponse(responseCode = "409", description = "already submitted (duplicate without rework), cancelled,"
            + " or a concurrent command on the request won")
    @APIResponse(responseCode = "422", description = "submittedDate before requestedDate or in the future;"
            + " or the Idempotency-Key was used before for a different submission")
    public Uni<Response> submit(@RestPath UUID adviceRequestId,
                                @Parameter(name = IdempotentCreates.HEADER, in = ParameterIn.HEADER,
                                        description = IdempotentCreates.DESCRIPTION, example = "eps-2025-05-20-0001")
                                @RestHeader(IdempotentCreates.HEADER) String idempotencyKey,
                                @Valid @NotNull SubmissionBody body) {
        Actor submittedBy = actor.current();
        var command = body.toCommand(adviceRequestId, submittedBy);
        return creates.once(idempotencyKey, submittedBy, body, () -> requests.submit(adviceRequestId, submittedBy, command)
                .map(done -> Response.ok(AdviceRequestView.of(done)).build()));
    }

    @RolesAllowed(Role.CASEWORKER)
    @POST
    @Path("/advice-requests/{adviceRequestId}/rework")
    @Operation(summary = "Return submitted advice that does not meet the need; the agency resubmits",
            description = "Publishes AdviceReturnedForRework with the reason code; the note stays in advice-service."
                    + " The first submission stays counted (firstSubmittedDate).")
    @APIResponse(responseCode = "200", description = "returned; the request is open again")
    @APIResponse(responseCode = "400", description = "an invalid body (the field is named)")
    @APIResponse(responseCode = "404", description = "no such advice request")
    @APIResponse(responseCode = "409", description = "nothing submitted to return, cancelled, or a concurrent command won")
    @APIResponse(responseCode = "422", description = "returnedDate before the submission or in the future")
    @APIResponse(responseCode = "403", description = "a role that may not call this (council staff only),"
            + " or a request of a council you do not act for")
    public Uni<AdviceRequestView> rework(@RestPath UUID adviceRequestId, @Valid @NotNull ReworkBody body) {
        return requests.returnForRework(adviceRequestId, actor.current(), body.toCommand(adviceRequestId))
                .map(AdviceRequestView::of);
    }

    @RolesAllowed(Role.CASEWORKER)
    @POST
    @Path("/advice-requests/{adviceRequestId}/exceptions")
    @Operation(summary = "Record an exception to the 6 weeks for advice (Reg 8(2))",
            description = "Publishes AdviceExceptionRecorded (the ground; the dates stay here). A school closure is"
                    + " refused: it is no exception to the advice limit.")
    @APIResponse(responseCode = "200", description = "recorded")
    @APIResponse(responseCode = "400", description = "an invalid body or an unknown reason (the field is named)")
    @APIResponse(responseCode = "404", description = "no such advice request")
    @APIResponse(responseCode = "409", description = "a concurrent command on the request won")
    @APIResponse(responseCode = "422", description = "a school closure; the request already submitted or cancelled;"
            + " dates outside the 6 weeks or in the future; an absence shorter than 4 weeks")
    @APIResponse(responseCode = "403", description = "a role that may not call this (council staff only),"
            + " or a request of a council you do not act for")
    public Uni<AdviceRequestView> recordException(@RestPath UUID adviceRequestId, @Valid @NotNull AdviceExceptionBody body) {
        return requests.recordException(adviceRequestId, actor.current(), body.toCommand(adviceRequestId))
                .map(AdviceRequestView::of);
    }

    @RolesAllowed(Role.CASEWORKER)
    @POST
    @Path("/advice-requests/{adviceRequestId}/cancellation")
    @Operation(summary = "Cancel an open advice request",
            description = "Publishes AdviceRequestCancelled with the reason code; the note stays in advice-service.")
    @APIResponse(responseCode = "200", description = "cancelled")
    @APIResponse(responseCode = "400", description = "an invalid body, an unknown reason or one of"
            + " advice-service's own CASE_* reasons, or a control character (such as NUL) in the note (the field is named)")
    @APIResponse(responseCode = "404", description = "no such advice request")
    @APIResponse(responseCode = "409", description = "already submitted or already cancelled")
    @APIResponse(responseCode = "422", description = "cancelledDate before requestedDate or in the future")
    @APIResponse(responseCode = "403", description = "a role that may not call this (council staff only),"
            + " or a request of a council you do not act for")
    public Uni<AdviceRequestView> cancel(@RestPath UUID adviceRequestId, @Valid @NotNull CancellationBody body) {
        var command = body.toCommand(adviceRequestId);
        return requests.cancel(adviceRequestId, actor.current(), command)
                .map(done -> AdviceRequestView.of(done, command.note()));
    }

    @RolesAllowed({Role.CASEWORKER, Role.AGENCY})
    @GET
    @Path("/advice-requests/{adviceRequestId}")
    @Operation(summary = "One advice request, with its due date, status and lateness as of today",
            description = "The ETag changes with every change of the request and every new day (daysLeft, daysLate);"
                    + " send it back as If-None-Match to get 304 while nothing changed.")
    @APIResponse(responseCode = "200", description = "the request")
    @APIResponse(responseCode = "304", description = "unchanged since the ETag sent as If-None-Match")
    @APIResponse(responseCode = "404", description = "no such advice request")
    @APIResponse(responseCode = "403", description = "a role that may not call this; a request of a council you do not act for;"
            + " or (field agencyId) an agency user and a request addressed to another agency")
    public Uni<Response> get(@RestPath UUID adviceRequestId,
                             @RestHeader(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        // the note is written with the cancellation, so the version (ETag) covers it
        Actor who = actor.current();
        boolean councilStaff = !AdviceRequestReach.agencyUser(who);
        return inbox.one(who, adviceRequestId).chain(item -> (councilStaff && item.dated().request().status() == AdviceRequestStatus.CANCELLED
                        ? requests.cancellationNote(adviceRequestId) : Uni.createFrom().item(Optional.<String>empty()))
                .map(note -> AgencyInboxResource.notModifiedOr(new EntityTag(item.version() + "-" + item.dated().today(), true),
                        ifNoneMatch, AdviceRequestView.of(item.dated(), note.orElse(null)))));
    }

    @RolesAllowed({Role.CASEWORKER, Role.AGENCY})
    @GET
    @Path("/advice-requests/{adviceRequestId}/submission")
    @Operation(summary = "The advice text the agency submitted (kept here only, never published)",
            description = "Every answer is recorded (who, in which role, when): the advice may describe the child.")
    @APIResponse(responseCode = "200", description = "the advice")
    @APIResponse(responseCode = "403", description = "a role that may not call this; a request of a council you do not act for;"
            + " or (field agencyId) an agency user and a request addressed to another agency")
    @APIResponse(responseCode = "404", description = "no such advice request, or no advice submitted")
    public Uni<SubmissionView> submission(@RestPath UUID adviceRequestId) {
        return queries.submission(actor.current(), adviceRequestId).map(SubmissionView::of);
    }

    @RolesAllowed({Role.CASEWORKER, Role.AGENCY})
    @GET
    @Path("/advice-requests")
    @Operation(summary = "An agency's inbox: every request addressed to it, soonest due first",
            description = "Council staff see only the requests of the councils they act for.")
    @APIResponse(responseCode = "200", description = "the requests")
    @APIResponse(responseCode = "400", description = "agencyId missing")
    @APIResponse(responseCode = "403", description = "a role that may not call this, or (field agencyId) an agency user"
            + " asking for another agency's requests")
    public Uni<List<AdviceRequestView>> inbox(@Parameter(required = true, example = "839-EPS") @RestQuery String agencyId) {
        return queries.inbox(actor.current(), agencyId).map(AdviceRequestResource::views);
    }

    @RolesAllowed(Role.CASEWORKER)
    @GET
    @Path("/cases/{caseId}/advice-requests")
    @Operation(summary = "Every advice request of a case (empty for a case without any)")
    @APIResponse(responseCode = "200", description = "the requests, oldest first")
    @APIResponse(responseCode = "403", description = "a role that may not call this, or a case of a council you do not act for")
    public Uni<List<AdviceRequestView>> forCase(@RestPath UUID caseId) {
        return queries.forCase(actor.current(), caseId).map(AdviceRequestResource::views);
    }

    private static List<AdviceRequestView> views(List<AdviceRequestAsOf> requests) {
        return requests.stream().map(AdviceRequestView::of).toList();
    }
}
