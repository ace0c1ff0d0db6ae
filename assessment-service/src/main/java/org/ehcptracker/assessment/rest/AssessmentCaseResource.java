package org.ehcptracker.assessment.rest;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.assessment.app.AssessmentCases;
import org.ehcptracker.kit.rest.CurrentActor;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Assessment cases: the request (day 0), the decision whether to assess, the conclusion, a withdrawal, and the
 * erasure of the child's personal details. Each method maps the body to a command for {@link AssessmentCases}
 * and its answer to a {@link CaseView}.
 */
@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment cases")
public class AssessmentCaseResource {

    private static final String PROBLEM = "application/problem+json";

    private final AssessmentCases cases;
    private final CurrentActor actor;

    public AssessmentCaseResource(AssessmentCases cases, CurrentActor actor) {
        this.cases = cases;
        this.actor = actor;
    }

    @POST
    @Operation(summary = "Record a request for an EHC needs assessment",
            description = "Starts the 20-week clock on receivedDate. Give a caseId to make retries safe: a second POST with the"
                    + " same caseId is refused with 409. The child's name and date of birth are kept only in this service.")
    @APIResponse(responseCode = "201", description = "recorded; Location names the case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "missing X-Actor, malformed body or a field breaking its format",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "the caseId is already taken (a duplicate submission)",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "receivedDate in the future, or a date of birth after it",
            content = @Content(mediaType = PROBLEM))
    public Uni<Response> record(@Valid @NotNull RecordRequestBody body) {
        var command = body.toCommand();
        return cases.record(command.caseId(), actor.current(), command).map(file ->
                Response.created(URI.create("/api/cases/" + command.caseId())).entity(CaseView.of(file)).build());
    }

    @POST
    @Path("/{caseId}/decision")
    @Operation(summary = "Record the decision whether to assess (Reg 5, due 6 weeks after receipt)")
    @APIResponse(responseCode = "200", description = "recorded", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "already decided, or decided concurrently by another request",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "withdrawn case, refusal without refusalReason, or a date out of order",
            content = @Content(mediaType = PROBLEM))
    public Uni<CaseView> decide(@Parameter(description = "the case") @RestPath UUID caseId, @Valid @NotNull DecisionBody body) {
        return cases.decide(caseId, actor.current(), body.toCommand(caseId)).map(CaseView::of);
    }

    @POST
    @Path("/{caseId}/withdrawal")
    @Operation(summary = "Record that the requester withdrew the request")
    @APIResponse(responseCode = "200", description = "recorded", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "already withdrawn", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "the LA refused to assess, or a date out of order",
            content = @Content(mediaType = PROBLEM))
    public Uni<CaseView> withdraw(@RestPath UUID caseId, @Valid @NotNull WithdrawalBody body) {
        return cases.withdraw(caseId, actor.current(), body.toCommand(caseId)).map(CaseView::of);
    }

    @POST
    @Path("/{caseId}/conclusion")
    @Operation(summary = "Record how the assessment ended: a plan will be issued, or not (Reg 10, due 16 weeks after receipt)")
    @APIResponse(responseCode = "200", description = "recorded", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "already concluded, or concluded concurrently by another request",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "the case is not being assessed (not decided yet, refused or withdrawn),"
            + " or conclusionDate before the decision to assess or in the future", content = @Content(mediaType = PROBLEM))
    public Uni<CaseView> conclude(@Parameter(description = "the case") @RestPath UUID caseId, @Valid @NotNull ConclusionBody body) {
        return cases.conclude(caseId, actor.current(), body.toCommand(caseId)).map(CaseView::of);
    }

    @GET
    @Path("/{caseId}")
    @Operation(summary = "A case: status, statutory deadlines, decision, and the child's personal details while held")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    public Uni<CaseView> get(@RestPath UUID caseId) {
        return cases.get(caseId, actor.current()).map(CaseView::of);
    }

    @DELETE
    @Path("/{caseId}/personal-details")
    @Operation(summary = "Erase the child's name and date of birth",
            description = "They are held only in this service's child_personal_details table (never in an event), so this"
                    + " erases them from the system. The case and its pseudonymous childRef remain. Idempotent.")
    @APIResponse(responseCode = "204", description = "erased (or nothing was held)")
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    public Uni<Response> erasePersonalDetails(@RestPath UUID caseId) {
        return cases.erasePersonalDetails(caseId, actor.current()).replaceWith(Response.noContent().build());
    }
}
