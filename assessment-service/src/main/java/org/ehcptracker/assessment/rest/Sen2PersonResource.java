package org.ehcptracker.assessment.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.assessment.app.Sen2PersonCorrections;
import org.ehcptracker.kit.domain.Role;
import org.ehcptracker.kit.rest.CurrentActor;
import org.jboss.resteasy.reactive.RestPath;

/** Corrects the child's SEN2 person details of a case (docs/sen2.md); caseworkers of the case's council. */
@RolesAllowed(Role.CASEWORKER)
@Path("/api/cases/{caseId}/sen2-person")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Assessment cases")
public class Sen2PersonResource {

    private static final String PROBLEM = "application/problem+json";

    private final Sen2PersonCorrections corrections;
    private final CurrentActor actor;

    public Sen2PersonResource(Sen2PersonCorrections corrections, CurrentActor actor) {
        this.corrections = corrections;
        this.actor = actor;
    }

    @PUT
    @Operation(summary = "Replace the child's SEN2 person details (sex, ethnicity, UPN, ULN, postcode)",
            description = "Each field left out is no longer held. Name and date of birth are not changed. Recorded in the"
                    + " case's audit (who, when, which fields; never the values).")
    @APIResponse(responseCode = "200", description = "the details now held",
            content = @Content(schema = @Schema(implementation = Sen2PersonBody.class)))
    @APIResponse(responseCode = "400", description = "a field off its code list or format (UPN check letter, ULN check digit,"
            + " postcode), named by the problem's field", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "the case is of a council the caller does not act for", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "unknown case", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "the case's personal details were erased", content = @Content(mediaType = PROBLEM))
    public Uni<Sen2PersonBody> replace(@RestPath UUID caseId, @Valid @NotNull Sen2PersonBody body) {
        return corrections.replace(caseId, actor.current(), body.toPerson()).map(Sen2PersonBody::of);
    }
}
