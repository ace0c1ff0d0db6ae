package org.ehcptracker.plan.rest;

import jakarta.annotation.security.RolesAllowed;
import org.ehcptracker.kit.domain.Role;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.kit.rest.CurrentActor;
import org.ehcptracker.plan.app.PlanWorklists;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Caseworkers' lists of one council: what to chase in the making of plans and in plans in force. */
@RolesAllowed(Role.CASEWORKER)
@Path("/api/plan-worklists/{list}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "plan worklists")
public class PlanWorklistResource {

    private final PlanWorklists worklists;
    private final CurrentActor actor;

    public PlanWorklistResource(PlanWorklists worklists, CurrentActor actor) {
        this.worklists = worklists;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "One of a council's lists, soonest due first, paged",
            description = "drafts-awaiting-family (the family's 15 days running, no response), consultations-overdue"
                    + " (unanswered after 15 days, final plan not issued), reviews-due (plans in force whose review is"
                    + " due by today + weeks, overdue ones included), review-decisions-overdue (undecided 4 weeks after"
                    + " the meeting), amendments-overdue (decided AMEND, amended plan not issued by its due date).")
    @APIResponse(responseCode = "200", description = "one page: total, page, size, today, lines")
    @APIResponse(responseCode = "400", description = "la missing or not three digits, weeks/page/size not a whole"
            + " number in range (the problem's field names it)")
    @APIResponse(responseCode = "401", description = "no valid bearer token")
    @APIResponse(responseCode = "403", description = "not a caseworker, or not acting for council la")
    @APIResponse(responseCode = "404", description = "no such list")
    public Uni<PlanWorklists.Page> list(
            @RestPath String list,
            @Parameter(description = "DfE three-digit local authority code", required = true, example = "839")
            @RestQuery String la,
            @Parameter(description = "reviews-due only: due by today + N weeks, 0 to 104, default 8",
                    schema = @Schema(type = SchemaType.INTEGER)) @RestQuery String weeks,
            @Parameter(description = "0-based page, default 0", schema = @Schema(type = SchemaType.INTEGER))
            @RestQuery String page,
            @Parameter(description = "page size, 1 to 200, default 50", schema = @Schema(type = SchemaType.INTEGER))
            @RestQuery String size) {
        return worklists.list(actor.current(), list, la, weeks, page, size);
    }
}
