package org.ehcptracker.plan.rest;

import jakarta.annotation.security.RolesAllowed;
import org.ehcptracker.kit.domain.Role;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.kit.rest.CurrentActor;
import org.ehcptracker.plan.app.PlansInForce;
import org.ehcptracker.plan.domain.PlanInForceView;
import org.ehcptracker.plan.domain.QualityAuditView;
import org.ehcptracker.plan.domain.QualityAuditsView;
import org.ehcptracker.plan.domain.ReviewView;
import org.ehcptracker.plan.domain.SenNeedsView;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.ehcptracker.kit.app.IdempotentCreates;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** A plan in force (by planId, from its final issue): its review meetings, its SEN needs and its cessation. */
@RolesAllowed(Role.CASEWORKER)
@Path("/api/plans/{planId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "plans in force")
public class PlanInForceResource {

    private final PlansInForce plans;
    private final CurrentActor actor;

    private final IdempotentCreates creates;

    public PlanInForceResource(PlansInForce plans, CurrentActor actor, IdempotentCreates creates) {
        this.creates = creates;
        this.plans = plans;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "The plan in force: review due (12 months from issue or the last meeting), its reviews,"
            + " cessation")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker, or the plan is another council's")
    @APIResponse(responseCode = "200", description = "the plan")
    @APIResponse(responseCode = "404", description = "no final plan issued with that planId")
    public Uni<PlanInForceView> plan(@RestPath UUID planId) {
        return plans.get(planId, actor.current());
    }

    @POST
    @Path("/reviews")
    @Operation(summary = "Record an annual review meeting", description = "Starts the review (its own stream); the"
            + " decision is due 4 weeks after the meeting, the next review 12 months after it.")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker, or the plan is another council's")
    @APIResponse(responseCode = "201", description = "review held (or the first answer to this Idempotency-Key replayed);"
            + " Location is the review", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "a missing or malformed field, or a malformed Idempotency-Key")
    @APIResponse(responseCode = "404", description = "no plan in force with that planId")
    @APIResponse(responseCode = "409", description = "the plan's previous review is still open, the reviewId was"
            + " already used, or a concurrent update")
    @APIResponse(responseCode = "422", description = "the plan ceased (field planId), or meetingDate before the"
            + " plan's issue, not after the last meeting, or in the future; or the Idempotency-Key was used before for a"
            + " different request")
    public Uni<Response> holdMeeting(@RestPath UUID planId, @Parameter(name = IdempotentCreates.HEADER, in = ParameterIn.HEADER, description = IdempotentCreates.DESCRIPTION,
                    example = IdempotentCreates.EXAMPLE) @RestHeader(IdempotentCreates.HEADER) String idempotencyKey,
                                     @Valid @NotNull ReviewMeetingRequest body) {
        var caller = actor.current();
        return creates.once(idempotencyKey, caller, body, () -> plans.holdMeeting(caller, body.toCommand(planId, UUID.randomUUID()))
                .map(view -> Response.created(URI.create("/api/reviews/" + view.reviewId())).entity(view).build()));
    }

    @POST
    @Path("/cessation")
    @Operation(summary = "Cease the plan, with a reason code")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker, or the plan is another council's")
    @APIResponse(responseCode = "200", description = "plan ceased; the plan")
    @APIResponse(responseCode = "400", description = "a missing or malformed field, a reason not in the"
            + " list")
    @APIResponse(responseCode = "404", description = "no plan in force with that planId")
    @APIResponse(responseCode = "409", description = "the plan already ceased, or a concurrent update")
    @APIResponse(responseCode = "422", description = "ceasedDate before the plan's issue or in the future")
    public Uni<PlanInForceView> cease(@RestPath UUID planId, @Valid @NotNull CessationRequest body) {
        return plans.cease(actor.current(), body.toCommand(planId));
    }

    @PUT
    @Path("/sen-needs")
    @Operation(summary = "Record the child's SEN needs as the plan describes them (section B), the primary first",
            description = "At issue, as a correction, or after an amendment: each recording replaces the last from"
                    + " its effectiveDate on. Sending the recording that holds again changes nothing. SEN2's SEN need"
                    + " of the active plan is read from it.")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker, or the plan is another council's")
    @APIResponse(responseCode = "200", description = "the needs that now hold",
            content = @Content(schema = @Schema(implementation = SenNeedsView.class)))
    @APIResponse(responseCode = "400", description = "a missing or malformed field, a type of need not in the list,"
            + " none, or one named twice (field needs[i]), effectiveDate in the future")
    @APIResponse(responseCode = "404", description = "no plan in force with that planId")
    @APIResponse(responseCode = "409", description = "a concurrent update of the plan")
    @APIResponse(responseCode = "422", description = "effectiveDate before the plan's issue, or after it ceased")
    public Uni<SenNeedsView> recordNeeds(@RestPath UUID planId, @Valid @NotNull SenNeedsRequest body) {
        return plans.recordNeeds(actor.current(), body.toCommand(planId));
    }

    @POST
    @Path("/quality-audits")
    @RolesAllowed(Role.TEAM_MANAGER)
    @Operation(summary = "Record a quality audit of the plan (team managers are the auditors)", description = "Scores"
            + " each configured criterion; the overall weighted score (0-100) and its grade are worked out here. A"
            + " re-audit is another audit: all are kept, the latest holds.")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a team manager, or the plan is another council's")
    @APIResponse(responseCode = "201", description = "audit recorded (or the first answer to this Idempotency-Key replayed);"
            + " Location is the plan's audits", content = @Content(schema = @Schema(implementation = QualityAuditView.class)))
    @APIResponse(responseCode = "400", description = "a missing or malformed field, a grade not in the four, notes"
            + " with a control character (each naming the field), or a malformed Idempotency-Key")
    @APIResponse(responseCode = "404", description = "no plan in force with that planId")
    @APIResponse(responseCode = "409", description = "a concurrent audit or cessation of the same plan")
    @APIResponse(responseCode = "422", description = "the plan ceased (field planId); auditDate before the plan's"
            + " issue or in the future; a criterion unknown, missing or scored outside its range (field"
            + " scores.<CODE>); a grade above the score's band (field grade); or the Idempotency-Key was used before for a"
            + " different request")
    public Uni<Response> audit(@RestPath UUID planId, @Parameter(name = IdempotentCreates.HEADER, in = ParameterIn.HEADER, description = IdempotentCreates.DESCRIPTION,
                    example = IdempotentCreates.EXAMPLE) @RestHeader(IdempotentCreates.HEADER) String idempotencyKey,
                               @Valid @NotNull QualityAuditRequest body) {
        var caller = actor.current();
        return creates.once(idempotencyKey, caller, body, () -> plans.audit(caller, body.toCommand(planId))
                .map(view -> Response.created(URI.create("/api/plans/" + planId + "/quality-audits")).entity(view).build()));
    }

    @GET
    @Path("/quality-audits")
    @Operation(summary = "The plan's quality audits, oldest first, with the latest (the one that holds)")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker, or the plan is another council's")
    @APIResponse(responseCode = "200", description = "the audits (none yet: an empty list)")
    @APIResponse(responseCode = "404", description = "no plan in force with that planId")
    public Uni<QualityAuditsView> audits(@RestPath UUID planId) {
        return plans.audits(planId, actor.current());
    }
}
