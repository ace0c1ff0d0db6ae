package org.ehcptracker.assessment.rest;

import jakarta.annotation.security.RolesAllowed;
import org.ehcptracker.kit.domain.Role;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.assessment.app.AssessmentCases;
import org.ehcptracker.assessment.app.CaseAudit;
import org.ehcptracker.assessment.domain.WithdrawException;
import org.ehcptracker.kit.app.IdempotentCreates;
import org.ehcptracker.kit.rest.CurrentActor;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Assessment cases: the request (day 0), the decision whether to assess, the conclusion, a withdrawal, and the
 * erasure of the child's personal details. Each method maps the body to a command for {@link AssessmentCases}
 * and its answer to a {@link CaseView}. Caseworkers (and team managers, who hold the role too) by default; corrections
 * of the record, erasure and the audit are the team manager's. Council scope is checked by the application service.
 */
@RolesAllowed(Role.CASEWORKER)
@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment cases")
public class AssessmentCaseResource {

    private static final String PROBLEM = "application/problem+json";

    private final AssessmentCases cases;
    private final CaseAudit audit;
    private final CurrentActor actor;
    private final IdempotentCreates creates;

    public AssessmentCaseResource(AssessmentCases cases, CaseAudit audit, CurrentActor actor, IdempotentCreates creates) {
        this.creates = creates;
        this.cases = cases;
        this.audit = audit;
        this.actor = actor;
    }

    @POST
    @Operation(summary = "Record a request for an EHC needs assessment",
            description = "Starts the 20-week clock on receivedDate. Give a caseId to make retries safe: a second POST with the"
                    + " same caseId is refused with 409. The child's name and date of birth are kept only in this service.")
    @APIResponse(responseCode = "201", description = "recorded (or the first answer to this Idempotency-Key replayed); Location names the case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "malformed body or a field breaking its format, or a malformed Idempotency-Key",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "localAuthorityCode (or the existing case with this caseId) is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "the caseId is already taken (a duplicate submission)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "receivedDate in the future, or a date of birth after it; or the Idempotency-Key was used before for a different request",
            content = @Content(mediaType = PROBLEM))
    public Uni<Response> record(@Parameter(name = IdempotentCreates.HEADER, in = ParameterIn.HEADER, description = IdempotentCreates.DESCRIPTION,
                    example = IdempotentCreates.EXAMPLE) @RestHeader(IdempotentCreates.HEADER) String idempotencyKey,
                                @Valid @NotNull RecordRequestBody body) {
        var caller = actor.current();
        return creates.once(idempotencyKey, caller, body, () -> {
            var command = body.toCommand();
            return cases.record(command.caseId(), caller, command).map(file ->
                    Response.created(URI.create("/api/cases/" + command.caseId())).entity(CaseView.of(file)).build());
        });
    }

    @POST
    @Path("/{caseId}/decision")
    @Operation(summary = "Record the decision whether to assess (Reg 5, due 6 weeks after the clock start)",
            description = "After a REFUSE, an ASSESS on or after the refusal date records an overturned refusal (after"
                    + " mediation, tribunal or review); the case keeps both decisions. A refusal's ground is a code"
                    + " (refusalReason, published); anything typed about it goes in refusalNote, kept only here.")
    @APIResponse(responseCode = "200", description = "recorded", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "missing or malformed field (field named): decision or decisionDate missing,"
            + " a refusalReason that is not one of the codes (a number included), a refusalNote too long or with a control character",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "already decided (only ASSESS may follow a REFUSE: an overturned refusal),"
            + " or decided concurrently by another request",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "withdrawn case, refusal without refusalReason, ASSESS with a refusalReason or refusalNote,"
            + " or a date out of order",
            content = @Content(mediaType = PROBLEM))
    public Uni<CaseView> decide(@Parameter(description = "the case") @RestPath UUID caseId, @Valid @NotNull DecisionBody body) {
        return cases.decide(caseId, actor.current(), body.toCommand(caseId)).map(CaseView::of);
    }

    @POST
    @Path("/{caseId}/withdrawal")
    @Operation(summary = "Record that the requester withdrew the request")
    @APIResponse(responseCode = "200", description = "recorded", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "already withdrawn", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "the LA refused to assess or decided not to issue a plan, or a date out of"
            + " order (before the request, the decision to assess or a conclusion ISSUE_PLAN, in the future, or after the"
            + " final plan was issued)",
            content = @Content(mediaType = PROBLEM))
    public Uni<CaseView> withdraw(@RestPath UUID caseId, @Valid @NotNull WithdrawalBody body) {
        return cases.withdraw(caseId, actor.current(), body.toCommand(caseId)).map(CaseView::of);
    }

    @POST
    @Path("/{caseId}/conclusion")
    @Operation(summary = "Record how the assessment ended: a plan will be issued, or not (Reg 10, due 16 weeks after receipt)")
    @APIResponse(responseCode = "200", description = "recorded", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "already concluded, or concluded concurrently by another request",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "the case is not being assessed (not decided yet, refused or withdrawn),"
            + " or conclusionDate before the decision to assess or in the future", content = @Content(mediaType = PROBLEM))
    public Uni<CaseView> conclude(@Parameter(description = "the case") @RestPath UUID caseId, @Valid @NotNull ConclusionBody body) {
        return cases.conclude(caseId, actor.current(), body.toCommand(caseId)).map(CaseView::of);
    }

    @POST
    @Path("/{caseId}/exceptions")
    @Operation(summary = "Record an exception to a statutory limit (Regs 5(4), 10(4), 13(3))",
            description = "The note, if any, is kept only in this service (never published) and erased with the personal"
                    + " details. Give an exceptionId to make retries safe: a second POST with the same id is refused with 409.")
    @APIResponse(responseCode = "201", description = "recorded; Location names the case's exceptions",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "missing or malformed field (e.g. a control character in note), or a malformed Idempotency-Key",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "the exceptionId was already recorded", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "closed case (withdrawn, refused without an open appeal, no plan), a reason"
            + " the limit does not allow, dates outside the case's life, or a startDate after the final plan was issued; or the"
            + " Idempotency-Key was used before for a different request", content = @Content(mediaType = PROBLEM))
    public Uni<Response> recordException(@RestPath UUID caseId,
                                         @Parameter(name = IdempotentCreates.HEADER, in = ParameterIn.HEADER, description = IdempotentCreates.DESCRIPTION,
                    example = IdempotentCreates.EXAMPLE) @RestHeader(IdempotentCreates.HEADER) String idempotencyKey,
                                         @Valid @NotNull ExceptionBody body) {
        var caller = actor.current();
        return creates.once(idempotencyKey, caller, body, () -> cases.recordException(caseId, caller, body.toCommand(caseId)).map(file ->
                Response.created(URI.create("/api/cases/" + caseId + "/exceptions")).entity(CaseView.of(file)).build()));
    }

    @POST
    @RolesAllowed(Role.TEAM_MANAGER)
    @Path("/{caseId}/exceptions/{exceptionId}/correction")
    @Operation(summary = "Set or change the end date of an exception (team managers)")
    @APIResponse(responseCode = "200", description = "recorded", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "missing or malformed endDate", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case or exception", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "the exception already ends on that date", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "withdrawn exception, endDate before its start, in the future or after the final plan was issued",
            content = @Content(mediaType = PROBLEM))
    public Uni<CaseView> correctException(@RestPath UUID caseId, @RestPath UUID exceptionId,
                                          @Valid @NotNull ExceptionCorrectionBody body) {
        return cases.correctException(caseId, actor.current(), body.toCommand(caseId, exceptionId)).map(CaseView::of);
    }

    @POST
    @RolesAllowed(Role.TEAM_MANAGER)
    @Path("/{caseId}/exceptions/{exceptionId}/withdrawal")
    @Operation(summary = "Withdraw an exception recorded in error (team managers)")
    @APIResponse(responseCode = "200", description = "recorded", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case or exception", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "already withdrawn", content = @Content(mediaType = PROBLEM))
    @Consumes(MediaType.WILDCARD) // no body: a client need not say what it does not send
    public Uni<CaseView> withdrawException(@RestPath UUID caseId, @RestPath UUID exceptionId) {
        return cases.withdrawException(caseId, actor.current(), new WithdrawException(caseId, exceptionId)).map(CaseView::of);
    }

    @GET
    @Path("/{caseId}/exceptions")
    @Operation(summary = "The case's exceptions, withdrawn ones included, with their notes while held")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ExceptionView[].class)))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    public Uni<List<ExceptionView>> exceptions(@RestPath UUID caseId) {
        return cases.exceptions(caseId, actor.current()).map(n -> n.state().exceptions().stream()
                .map(x -> ExceptionView.of(x, n.notes())).toList());
    }

    @POST
    @Path("/{caseId}/transfer-in")
    @Operation(summary = "Record that the child moved into an LA's area and it became responsible: the clock restarts")
    @APIResponse(responseCode = "200", description = "recorded", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "missing or malformed field", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "the same transfer was already recorded", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "closed case, a transfer from the LA now responsible, or transferDate before"
            + " the clock start, in the future or after the final plan was issued", content = @Content(mediaType = PROBLEM))
    public Uni<CaseView> transferIn(@RestPath UUID caseId, @Valid @NotNull TransferInBody body) {
        return cases.transferIn(caseId, actor.current(), body.toCommand(caseId)).map(CaseView::of);
    }

    @POST
    @Path("/{caseId}/disputes")
    @Operation(summary = "Record a mediation or tribunal appeal about a refusal to assess, a refusal to issue a plan or the"
            + " plan's contents", description = "The note, if any, is kept only in this service and erased with the personal details.")
    @APIResponse(responseCode = "201", description = "recorded (or the first answer to this Idempotency-Key replayed)", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "missing or malformed field, or a malformed Idempotency-Key", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "the disputeId was already recorded", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "withdrawn case, a stage the case has not reached, or registeredDate before"
            + " the decision disputed or in the future; or the Idempotency-Key was used before for a different request", content = @Content(mediaType = PROBLEM))
    public Uni<Response> recordDispute(@RestPath UUID caseId,
                                       @Parameter(name = IdempotentCreates.HEADER, in = ParameterIn.HEADER, description = IdempotentCreates.DESCRIPTION,
                    example = IdempotentCreates.EXAMPLE) @RestHeader(IdempotentCreates.HEADER) String idempotencyKey,
                                       @Valid @NotNull DisputeBody body) {
        var caller = actor.current();
        return creates.once(idempotencyKey, caller, body, () -> cases.recordDispute(caseId, caller, body.toCommand(caseId)).map(file ->
                Response.created(URI.create("/api/cases/" + caseId + "/disputes")).entity(CaseView.of(file)).build()));
    }

    @POST
    @Path("/{caseId}/disputes/{disputeId}/outcome")
    @Operation(summary = "Record how a mediation or tribunal appeal ended")
    @APIResponse(responseCode = "200", description = "recorded", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "missing or malformed field", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case or dispute", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "the dispute already has an outcome", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "outcomeDate before the registration or in the future",
            content = @Content(mediaType = PROBLEM))
    public Uni<CaseView> recordDisputeOutcome(@RestPath UUID caseId, @RestPath UUID disputeId,
                                              @Valid @NotNull DisputeOutcomeBody body) {
        return cases.recordDisputeOutcome(caseId, actor.current(), body.toCommand(caseId, disputeId)).map(CaseView::of);
    }

    @GET
    @Path("/{caseId}/disputes")
    @Operation(summary = "The case's mediations and tribunal appeals, with their notes while held")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DisputeView[].class)))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    public Uni<List<DisputeView>> disputes(@RestPath UUID caseId) {
        return cases.disputes(caseId, actor.current()).map(n -> n.state().disputes().stream()
                .map(d -> DisputeView.of(d, n.notes())).toList());
    }

    @GET
    @Path("/{caseId}")
    @Operation(summary = "A case: status, statutory deadlines, decision, and the child's personal details while held")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    public Uni<CaseView> get(@RestPath UUID caseId) {
        return cases.get(caseId, actor.current()).map(CaseView::of);
    }

    @DELETE
    @RolesAllowed(Role.TEAM_MANAGER)
    @Path("/{caseId}/personal-details")
    @Operation(summary = "Erase the child's name and date of birth (team managers)",
            description = "They are held only in this service's child_personal_details table (never in an event), so this"
                    + " erases them from the system. The case and its pseudonymous childRef remain. Idempotent.")
    @APIResponse(responseCode = "204", description = "erased (or nothing was held)")
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    public Uni<Response> erasePersonalDetails(@RestPath UUID caseId) {
        return cases.erasePersonalDetails(caseId, actor.current()).replaceWith(Response.noContent().build());
    }

    @GET
    @RolesAllowed(Role.TEAM_MANAGER)
    @Path("/{caseId}/audit")
    @Operation(summary = "Who did what to the case and when (team managers)",
            description = "Every event of the case with its actor (role:subject) and recorded time, every change of the"
                    + " assigned caseworker, and every read of the child's personal details (which fields, by whom, when);"
                    + " oldest first. Kept as long as the case's record: docs/assessment-service.md, \"Audit\".")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuditEntryView[].class)))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    public Uni<List<AuditEntryView>> audit(@RestPath UUID caseId) {
        return audit.of(caseId, actor.current()).map(entries -> entries.stream().map(AuditEntryView::of).toList());
    }
}
