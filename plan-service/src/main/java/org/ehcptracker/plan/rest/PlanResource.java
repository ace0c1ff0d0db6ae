package org.ehcptracker.plan.rest;

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
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.kit.rest.CurrentActor;
import org.ehcptracker.plan.app.Plans;
import org.ehcptracker.plan.domain.PlanView;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.ehcptracker.kit.app.IdempotentCreates;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** Draft and final EHC plans of a case (one plan per case). */
@RolesAllowed(Role.CASEWORKER)
@Path("/api/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "plans")
public class PlanResource {

    private final Plans plans;
    private final CurrentActor actor;

    private final IdempotentCreates creates;

    public PlanResource(Plans plans, CurrentActor actor, IdempotentCreates creates) {
        this.creates = creates;
        this.plans = plans;
        this.actor = actor;
    }

    @POST
    @Path("/draft-plan")
    @Operation(summary = "Issue the draft plan", description = "Only for a case the LA decided to assess; the parent's"
            + " 15 days to comment (Reg 13(1)) start on issuedDate.")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker, or the case is another council's")
    @APIResponse(responseCode = "201", description = "draft issued (or the first answer to this Idempotency-Key replayed);"
            + " Location is the plan", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "400", description = "a missing or malformed field, or a malformed Idempotency-Key")
    @APIResponse(responseCode = "409", description = "a draft was already issued")
    @APIResponse(responseCode = "422", description = "case not accepted for assessment, or issuedDate before the clock start;"
            + " or the Idempotency-Key was used before for a different request")
    public Uni<Response> issueDraft(@RestPath UUID caseId, @Parameter(name = IdempotentCreates.HEADER, in = ParameterIn.HEADER, description = IdempotentCreates.DESCRIPTION,
                    example = IdempotentCreates.EXAMPLE) @RestHeader(IdempotentCreates.HEADER) String idempotencyKey,
                                    @Valid @NotNull DraftPlanRequest body) {
        var caller = actor.current();
        return creates.once(idempotencyKey, caller, body, () -> plans.issueDraft(caseId, caller, body.toCommand(caseId))
                .map(view -> Response.created(URI.create("/api/cases/" + caseId + "/plan")).entity(view).build()));
    }

    @POST
    @Path("/final-plan")
    @Operation(summary = "Issue the final plan", description = "Names a specific setting (namedSettingUrn) or a type of"
            + " setting (settingType), exactly one. Needs the draft first; on or before the last of the family's 15 days"
            + " only once their response is recorded.")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker, or the case is another council's")
    @APIResponse(responseCode = "200", description = "final plan issued")
    @APIResponse(responseCode = "400", description = "a missing or malformed field")
    @APIResponse(responseCode = "409", description = "the final plan was already issued, or a concurrent update")
    @APIResponse(responseCode = "422", description = "no draft yet, case refused or withdrawn, both or neither setting"
            + " fields, issuedDate before the draft, or within the family's 15 days with no response recorded")
    public Uni<PlanView> issueFinal(@RestPath UUID caseId, @Valid @NotNull FinalPlanRequest body) {
        return plans.issueFinal(caseId, actor.current(), body.toCommand(caseId));
    }

    @POST
    @Path("/parent-response")
    @Operation(summary = "Record the family's response to the draft", description = "The date it reached the LA, the"
            + " setting asked for (a URN or a type, at most one) and the comments, which stay in plan-service. One"
            + " response per draft; with it recorded, the final plan may be issued within the 15 days.")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker, or the case is another council's")
    @APIResponse(responseCode = "200", description = "response recorded; the plan view")
    @APIResponse(responseCode = "400", description = "a missing or malformed field, or comments with a"
            + " control character (problem+json naming the field)")
    @APIResponse(responseCode = "409", description = "a response was already recorded, the final plan was already"
            + " issued, or a concurrent update")
    @APIResponse(responseCode = "422", description = "no draft yet, both requestedSettingUrn and requestedSettingType,"
            + " or receivedDate before the draft or in the future")
    public Uni<PlanView> recordParentResponse(@RestPath UUID caseId, @Valid @NotNull ParentResponseRequest body) {
        return plans.recordParentResponse(caseId, actor.current(), body.toCommand(caseId));
    }

    @POST
    @Path("/consultations")
    @Operation(summary = "Consult a setting about naming it", description = "It should answer within 15 days (Code"
            + " 9.83); an unanswered consultation never blocks the final plan.")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker, or the case is another council's")
    @APIResponse(responseCode = "200", description = "consultation recorded; the plan view")
    @APIResponse(responseCode = "400", description = "a missing or malformed field")
    @APIResponse(responseCode = "409", description = "the setting was already consulted, the final plan was already"
            + " issued, or a concurrent update")
    @APIResponse(responseCode = "422", description = "no draft yet, or consultedDate before the draft or in the future")
    public Uni<PlanView> consult(@RestPath UUID caseId, @Valid @NotNull ConsultationRequest body) {
        return plans.consult(caseId, actor.current(), body.toCommand(caseId));
    }

    @POST
    @Path("/consultations/{settingUrn}/answer")
    @Operation(summary = "Record a consulted setting's answer", description = "Also after the final plan (a late"
            + " answer is still recorded).")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker, or the case is another council's")
    @APIResponse(responseCode = "200", description = "answer recorded; the plan view")
    @APIResponse(responseCode = "400", description = "a missing or malformed field")
    @APIResponse(responseCode = "404", description = "the setting was not consulted for this case")
    @APIResponse(responseCode = "409", description = "the setting already answered, or a concurrent update")
    @APIResponse(responseCode = "422", description = "no draft yet, or answeredDate before the consultation or in the"
            + " future")
    public Uni<PlanView> answer(@RestPath UUID caseId, @RestPath String settingUrn,
                                @Valid @NotNull ConsultationAnswerRequest body) {
        return plans.recordConsultationAnswer(caseId, actor.current(), body.toCommand(caseId, settingUrn));
    }

    @GET
    @Path("/plan")
    @Operation(summary = "The case's plan: status, deadlines, 20-week measure and advice status")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker, or the case is another council's")
    @APIResponse(responseCode = "200", description = "the plan")
    @APIResponse(responseCode = "404", description = "no draft plan issued for the case")
    public Uni<PlanView> plan(@RestPath UUID caseId) {
        return plans.get(caseId, actor.current());
    }
}
