package org.ehcptracker.advice.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.advice.app.AdviceReuses;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.kit.domain.Role;
import org.ehcptracker.kit.rest.CurrentActor;
import org.ehcptracker.kit.app.IdempotentCreates;
import org.jboss.resteasy.reactive.RestHeader;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Existing advice used instead of a new request (Reg 6(4)): the caseworker's record, never sent to an agency. See
 * docs/advice-service.md ("Reuse of existing advice").
 */
@Path("/api/cases/{caseId}/advice-reuses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "advice reuse")
public class AdviceReuseResource {

    private final AdviceReuses reuses;
    private final CurrentActor actor;

    private final IdempotentCreates creates;

    public AdviceReuseResource(AdviceReuses reuses, CurrentActor actor, IdempotentCreates creates) {
        this.creates = creates;
        this.reuses = reuses;
        this.actor = actor;
    }

    @RolesAllowed(Role.CASEWORKER)
    @POST
    @Operation(summary = "Use existing advice instead of asking an agency for it (Reg 6(4))",
            description = "Publishes ExistingAdviceReused (codes and dates; the note stays in advice-service). Needs the"
                    + " agreement of the parent or young person and of the adviser. No request is made: nothing goes to the"
                    + " agency, nothing is due, and it is counted as reused, never as advice returned on time or late.")
    @APIResponse(responseCode = "201", description = "recorded (or the first answer to this Idempotency-Key replayed);"
            + " Location names the reuse (one per case and advice type)")
    @APIResponse(responseCode = "400", description = "an invalid body or Idempotency-Key (the field is named)")
    @APIResponse(responseCode = "403", description = "a role that may not call this, or a case of a council you do not act for")
    @APIResponse(responseCode = "409", description = "this advice type is already reused for the case, or already requested"
            + " and not cancelled (cancel that request first, reason EXISTING_ADVICE_REUSED); or a concurrent reuse won")
    @APIResponse(responseCode = "422", description = "the case is unknown here, not decided for assessment or closed (field"
            + " caseId); an agreement not given (familyAgreed, adviserAgreed); adviceDate in the future; an agency the"
            + " council's directory does not know or that does not give this advice (agencyId); or the Idempotency-Key was"
            + " used before for a different request")
    public Uni<Response> reuse(@RestPath UUID caseId,
                               @Parameter(name = IdempotentCreates.HEADER, in = ParameterIn.HEADER,
                                       description = IdempotentCreates.DESCRIPTION, example = IdempotentCreates.EXAMPLE)
                               @RestHeader(IdempotentCreates.HEADER) String idempotencyKey,
                               @Valid @NotNull AdviceReuseBody body) {
        var caller = actor.current();
        return creates.once(idempotencyKey, caller, body, () -> reuses.reuse(caller, body.toCommand(caseId), body.noteOrNull())
                .map(done -> Response.created(URI.create("/api/cases/" + caseId + "/advice-reuses/" + done.adviceType()))
                        .entity(AdviceReuseView.of(done)).build()));
    }

    @RolesAllowed(Role.CASEWORKER)
    @GET
    @Operation(summary = "The existing advice used for a case instead of new requests, by advice type")
    @APIResponse(responseCode = "200", description = "the case's reuses (empty for a case without any, or unknown here)")
    @APIResponse(responseCode = "403", description = "a role that may not call this, or a case of a council you do not act for")
    public Uni<List<AdviceReuseView>> forCase(@RestPath UUID caseId) {
        return reuses.forCase(actor.current(), caseId).map(list -> list.stream().map(AdviceReuseView::of).toList());
    }

    @RolesAllowed(Role.CASEWORKER)
    @GET
    @Path("/{adviceType}")
    @Operation(summary = "The existing advice of one type used for a case")
    @APIResponse(responseCode = "200", description = "the reuse")
    @APIResponse(responseCode = "403", description = "a role that may not call this, or a case of a council you do not act for")
    @APIResponse(responseCode = "404", description = "no reuse of that advice type recorded for the case (or no such type)")
    public Uni<AdviceReuseView> one(@RestPath UUID caseId, @RestPath AdviceType adviceType) {
        return reuses.of(actor.current(), caseId, adviceType).map(AdviceReuseView::of);
    }
}
