package org.ehcptracker.advice.rest;

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
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.advice.app.AgencyDirectory;
import org.ehcptracker.advice.app.DefaultAdviceSets;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.rest.CurrentActor;
import org.ehcptracker.kit.app.IdempotentCreates;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Each council's directory of partner agencies and its default advice set: the administrator's, for the councils
 * they act for; caseworkers read them (to address requests). See docs/advice-service.md, "Agency directory".
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "agency directory")
public class AgencyResource {

    private final AgencyDirectory directory;
    private final DefaultAdviceSets defaults;
    private final CurrentActor actor;

    private final IdempotentCreates creates;

    public AgencyResource(AgencyDirectory directory, DefaultAdviceSets defaults, CurrentActor actor, IdempotentCreates creates) {
        this.creates = creates;
        this.directory = directory;
        this.defaults = defaults;
        this.actor = actor;
    }

    @RolesAllowed(Role.ADMIN)
    @POST
    @Path("/councils/{localAuthorityCode}/agencies")
    @Operation(summary = "Add a partner agency to a council's directory",
            description = "Once a council has one agency in its directory, every advice request of its cases must be"
                    + " addressed to an active agency of its directory that gives that type of advice.")
    @APIResponse(responseCode = "201", description = "added (or the first answer to this Idempotency-Key replayed); Location names the agency")
    @APIResponse(responseCode = "400", description = "a council code that is not three digits, or an invalid body or Idempotency-Key (the field is named)")
    @APIResponse(responseCode = "409", description = "the agency id is already in a directory (or was added at the same moment)")
    @APIResponse(responseCode = "422", description = "the Idempotency-Key was used before for a different request")
    @APIResponse(responseCode = "403", description = "a role that may not call this, or a council you do not act for")
    public Uni<Response> add(@RestPath String localAuthorityCode,
                             @Parameter(name = IdempotentCreates.HEADER, in = ParameterIn.HEADER,
                                     description = IdempotentCreates.DESCRIPTION, example = IdempotentCreates.EXAMPLE)
                             @RestHeader(IdempotentCreates.HEADER) String idempotencyKey,
                             @Valid @NotNull NewAgencyBody body) {
        requireCouncilCode(localAuthorityCode);
        var caller = actor.current();
        return creates.once(idempotencyKey, caller, body, () -> directory.add(localAuthorityCode, body.agencyId(), body.name(),
                        body.adviceTypes(), body.contactEmail(), caller)
                .map(added -> Response.created(URI.create("/api/agencies/" + added.agencyId()))
                        .entity(AgencyView.of(added)).build()));
    }

    @RolesAllowed({Role.ADMIN, Role.CASEWORKER})
    @GET
    @Path("/councils/{localAuthorityCode}/agencies")
    @Operation(summary = "A council's directory, active and deactivated agencies, by id")
    @APIResponse(responseCode = "200", description = "the agencies (empty for a council without a directory)")
    @APIResponse(responseCode = "400", description = "a council code that is not three digits")
    @APIResponse(responseCode = "403", description = "a role that may not call this, or a council you do not act for")
    public Uni<List<AgencyView>> ofCouncil(@RestPath String localAuthorityCode) {
        requireCouncilCode(localAuthorityCode);
        return directory.ofCouncil(localAuthorityCode, actor.current()).map(all -> all.stream().map(AgencyView::of).toList());
    }

    @RolesAllowed({Role.ADMIN, Role.CASEWORKER})
    @GET
    @Path("/councils/{localAuthorityCode}/default-advice")
    @Operation(summary = "The council's default advice set: raised automatically when a case is decided for assessment")
    @APIResponse(responseCode = "200", description = "the set (empty entries for a council without one)")
    @APIResponse(responseCode = "400", description = "a council code that is not three digits")
    @APIResponse(responseCode = "403", description = "a role that may not call this, or a council you do not act for")
    public Uni<DefaultAdviceBody> defaultAdvice(@RestPath String localAuthorityCode) {
        requireCouncilCode(localAuthorityCode);
        return defaults.of(localAuthorityCode, actor.current()).map(DefaultAdviceBody::of);
    }

    @RolesAllowed(Role.ADMIN)
    @PUT
    @Path("/councils/{localAuthorityCode}/default-advice")
    @Operation(summary = "Replace the council's default advice set",
            description = "For every case the council then decides to assess, one request per entry is raised to the"
                    + " entry's agency, dated the decision date (AdviceRequested, actor system:advice-service).")
    @APIResponse(responseCode = "200", description = "replaced")
    @APIResponse(responseCode = "400", description = "an invalid body, or a type twice (the field is named)")
    @APIResponse(responseCode = "422", description = "(field agencyId) an agency not in the council's directory,"
            + " deactivated, or not giving that advice")
    @APIResponse(responseCode = "403", description = "a role that may not call this, or a council you do not act for")
    public Uni<DefaultAdviceBody> replaceDefaultAdvice(@RestPath String localAuthorityCode,
                                                       @Valid @NotNull DefaultAdviceBody body) {
        requireCouncilCode(localAuthorityCode);
        return defaults.replace(localAuthorityCode, body.toSet(), actor.current()).map(DefaultAdviceBody::of);
    }

    /** A path parameter's violation would not name the field (quarkus-resteasy-problem), so it is checked here. */
    static void requireCouncilCode(String localAuthorityCode) {
        if (localAuthorityCode == null || !localAuthorityCode.matches(TextRules.LA_CODE)) {
            throw CommandRejected.invalid("localAuthorityCode", "localAuthorityCode '" + localAuthorityCode
                    + "' must be the DfE three-digit local authority code, e.g. 839");
        }
    }

    @RolesAllowed({Role.ADMIN, Role.CASEWORKER, Role.AGENCY})
    @GET
    @Path("/agencies/{agencyId}")
    @Operation(summary = "One agency of a directory")
    @APIResponse(responseCode = "200", description = "the agency")
    @APIResponse(responseCode = "404", description = "no such agency")
    @APIResponse(responseCode = "403", description = "a role that may not call this, an agency of a council you do not"
            + " act for, or (field agencyId) an agency user asking for another agency")
    public Uni<AgencyView> get(@RestPath String agencyId) {
        return directory.get(agencyId, actor.current()).map(AgencyView::of);
    }

    @RolesAllowed(Role.ADMIN)
    @PUT
    @Path("/agencies/{agencyId}")
    @Operation(summary = "Change an agency's name, advice types or contact address")
    @APIResponse(responseCode = "200", description = "changed")
    @APIResponse(responseCode = "400", description = "an invalid body (the field is named)")
    @APIResponse(responseCode = "404", description = "no such agency")
    @APIResponse(responseCode = "409", description = "changed by another request at the same moment")
    @APIResponse(responseCode = "403", description = "a role that may not call this, or an agency of a council you do not act for")
    public Uni<AgencyView> change(@RestPath String agencyId, @Valid @NotNull AgencyBody body) {
        return directory.change(agencyId, body.name(), body.adviceTypes(), body.contactEmail(), actor.current())
                .map(AgencyView::of);
    }

    @RolesAllowed(Role.ADMIN)
    @POST
    @Path("/agencies/{agencyId}/deactivation")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Deactivate an agency: no new advice request may be addressed to it",
            description = "Its open requests stay open (cancel or re-address them one by one).")
    @APIResponse(responseCode = "200", description = "deactivated")
    @APIResponse(responseCode = "404", description = "no such agency")
    @APIResponse(responseCode = "409", description = "already deactivated, or changed by another request at the same moment")
    @APIResponse(responseCode = "403", description = "a role that may not call this, or an agency of a council you do not act for")
    public Uni<AgencyView> deactivate(@RestPath String agencyId) {
        return directory.deactivate(agencyId, actor.current()).map(AgencyView::of);
    }
}
