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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.kit.rest.CurrentActor;
import org.ehcptracker.plan.app.PlansInForce;
import org.ehcptracker.plan.domain.ReviewView;
import org.jboss.resteasy.reactive.RestPath;

/** One annual review of a plan: its decision and, after a decision to amend, the amended plan. */
@RolesAllowed(Role.CASEWORKER)
@Path("/api/reviews/{reviewId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "annual reviews")
public class ReviewResource {

    private final PlansInForce plans;
    private final CurrentActor actor;

    public ReviewResource(PlansInForce plans, CurrentActor actor) {
        this.plans = plans;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "The review: meeting, decision (due in 4 weeks), amended plan (due in 8 weeks), lateness")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker, or the review's plan is another council's")
    @APIResponse(responseCode = "200", description = "the review")
    @APIResponse(responseCode = "404", description = "no review with that id")
    public Uni<ReviewView> review(@RestPath UUID reviewId) {
        return plans.review(reviewId, actor.current());
    }

    @POST
    @Path("/decision")
    @Operation(summary = "Record the LA's decision: KEEP, AMEND (amendments proposed that day) or CEASE",
            description = "Due 4 weeks after the meeting; a later decision is recorded and shown late.")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker, or the review's plan is another council's")
    @APIResponse(responseCode = "200", description = "decision recorded; the review")
    @APIResponse(responseCode = "400", description = "a missing or malformed field, an outcome not in the"
            + " list")
    @APIResponse(responseCode = "404", description = "no review with that id")
    @APIResponse(responseCode = "409", description = "already decided, or a concurrent decision")
    @APIResponse(responseCode = "422", description = "decidedDate before the meeting or in the future; the plan ceased")
    public Uni<ReviewView> decide(@RestPath UUID reviewId, @Valid @NotNull ReviewDecisionRequest body) {
        return plans.decide(actor.current(), body.toCommand(reviewId));
    }

    @POST
    @Path("/amended-plan")
    @Operation(summary = "Issue the amended plan after a decision to amend", description = "After the family's 15"
            + " days on the proposal; due 8 weeks after the decision (12 weeks after the meeting at most), a later one"
            + " is recorded and shown late.")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker, or the review's plan is another council's")
    @APIResponse(responseCode = "200", description = "amended plan issued; the review")
    @APIResponse(responseCode = "400", description = "a missing or malformed field")
    @APIResponse(responseCode = "404", description = "no review with that id")
    @APIResponse(responseCode = "409", description = "already issued, or a concurrent update")
    @APIResponse(responseCode = "422", description = "no decision to amend (field reviewId), both setting fields,"
            + " issuedDate within the 15 days or in the future; the plan ceased")
    public Uni<ReviewView> issueAmended(@RestPath UUID reviewId, @Valid @NotNull AmendedPlanRequest body) {
        return plans.issueAmended(actor.current(), body.toCommand(reviewId));
    }
}
