package org.ehcptracker.assessment.rest;

import jakarta.annotation.security.RolesAllowed;
import org.ehcptracker.kit.domain.Role;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.assessment.app.Worklist;
import org.ehcptracker.assessment.app.WorklistQuery;
import org.ehcptracker.kit.rest.CurrentActor;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The caseworker's worklist. Query parameters are taken as text and checked by {@link WorklistQuery}, so a bad
 * value is a 400 naming it (JAX-RS would answer 404 for a query parameter it cannot convert). The assignment and
 * the search by childRef are in {@link CaseWorklistResource}.
 */
@RolesAllowed(Role.CASEWORKER)
@Path("/api/worklist")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Worklist")
public class WorklistResource {

    private static final String PROBLEM = "application/problem+json";

    private final Worklist worklist;
    private final CurrentActor actor;

    public WorklistResource(Worklist worklist, CurrentActor actor) {
        this.worklist = worklist;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "A council's worklist: each case's next statutory step and its due date, soonest first",
            description = "Sorted by due date, then caseId; paged. Without status, only cases with a next step are listed."
                    + " daysLeft and overdue count from the council's today.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorklistView.class)))
    @APIResponse(responseCode = "400", description = "la missing or not three digits, or another parameter malformed"
            + " (the problem's field names it)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "la is a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    public Uni<WorklistView> worklist(
            @Parameter(description = "DfE three-digit local authority code", required = true, example = "839") @RestQuery String la,
            @Parameter(description = "only cases assigned to this caseworker id", example = "jsmith") @RestQuery String caseworker,
            @Parameter(description = "only cases in this status (closed ones included)",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"REQUESTED", "ASSESSING", "REFUSED", "WITHDRAWN",
                            "CONCLUDED_ISSUE_PLAN", "CONCLUDED_NO_PLAN"})) @RestQuery String status,
            @Parameter(description = "only next steps due from today to today + N days, both included",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "3660")) @RestQuery String dueWithinDays,
            @Parameter(description = "true: only next steps due before today; false: only those due today or later",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @RestQuery String overdue,
            @Parameter(description = "0-based page, default 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
            @RestQuery String page,
            @Parameter(description = "page size, 1 to 200, default 50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "200")) @RestQuery String size) {
        return worklist.list(WorklistQuery.parse(la, caseworker, status, dueWithinDays, overdue, page, size), actor.current())
                .map(WorklistView::of);
    }

}
