package org.ehcptracker.assessment.rest;

import jakarta.annotation.security.RolesAllowed;
import org.ehcptracker.kit.domain.Role;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.assessment.app.CaseAssignments;
import org.ehcptracker.assessment.app.Worklist;
import org.ehcptracker.kit.rest.CurrentActor;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;


/**
 * The worklist's side of {@code /api/cases}: the assignment of a case to a caseworker (this service's own fact,
 * not a statutory event) and the search by childRef, both answered from the worklist table. Kept apart from
 * {@code AssessmentCaseResource}, which has the statutory commands on the same path. Assigning is the team manager's.
 */
@RolesAllowed(Role.CASEWORKER)
@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Worklist")
public class CaseWorklistResource {

    private static final String PROBLEM = "application/problem+json";

    private final Worklist worklist;
    private final CaseAssignments assignments;
    private final CurrentActor actor;

    public CaseWorklistResource(Worklist worklist, CaseAssignments assignments, CurrentActor actor) {
        this.worklist = worklist;
        this.assignments = assignments;
        this.actor = actor;
    }

    @GET
    @Operation(summary = "Find the cases of a child by the pseudonymous childRef (exact match)",
            description = "Only cases of the councils the caller acts for (every council for a national user); an empty list"
                    + " when there is none.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CaseFound.class)))
    @APIResponse(responseCode = "400", description = "childRef missing or not a childRef", content = @Content(mediaType = PROBLEM))
    public Uni<List<CaseFound>> search(@Parameter(description = "the pseudonymous child reference", required = true,
            example = "C-7Q4M2K") @RestQuery String childRef) {
        return worklist.byChildRef(childRef, actor.current()).map(found -> found.stream().map(CaseFound::of).toList());
    }

    @PUT
    @RolesAllowed(Role.TEAM_MANAGER)
    @Path("/{caseId}/assignment")
    @Operation(summary = "Assign a case to a caseworker (team managers)",
            description = "This service's own fact, not a statutory event: nothing is published. Every change is audited"
                    + " (who assigned whom, when). Assigning the caseworker already assigned changes nothing.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "400", description = "caseworker missing or not an actor id", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    public Uni<AssignmentView> assign(@RestPath UUID caseId, @Valid @NotNull AssignmentBody body) {
        return assignments.assign(caseId, body.caseworker(), actor.current()).map(AssignmentView::of);
    }

    @DELETE
    @RolesAllowed(Role.TEAM_MANAGER)
    @Path("/{caseId}/assignment")
    @Operation(summary = "Leave a case unassigned (team managers; audited; unassigning an unassigned case changes nothing)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    public Uni<AssignmentView> unassign(@RestPath UUID caseId) {
        return assignments.unassign(caseId, actor.current()).map(AssignmentView::of);
    }

    @GET
    @Path("/{caseId}/assignment")
    @Operation(summary = "A case's assigned caseworker and every change of it")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssignmentView.class)))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    public Uni<AssignmentView> assignment(@RestPath UUID caseId) {
        return assignments.get(caseId, actor.current()).map(AssignmentView::of);
    }
}
