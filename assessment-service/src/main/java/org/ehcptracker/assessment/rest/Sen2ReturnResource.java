package org.ehcptracker.assessment.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.assessment.sen2.Sen2ReturnExports;
import org.ehcptracker.kit.domain.Role;
import org.ehcptracker.kit.rest.CurrentActor;

/** A council's SEN2 person-level return file for a census date (docs/sen2.md); team managers of the council. */
@RolesAllowed(Role.TEAM_MANAGER)
@Path("/api/local-authorities/{la}/sen2-return")
@Tag(name = "SEN2 return")
public class Sen2ReturnResource {

    private static final String PROBLEM = "application/problem+json";

    private final Sen2ReturnExports exports;
    private final CurrentActor actor;

    public Sen2ReturnResource(Sen2ReturnExports exports, CurrentActor actor) {
        this.exports = exports;
        this.actor = actor;
    }

    @GET
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "The council's SEN2 person-level return for a census date, as the guide's XML",
            description = "reporting-service's pseudonymous modules (requests, assessments, named plans, active plans) for the"
                    + " census date, read with the caller's token, joined with the child's details held here (name, date of"
                    + " birth, sex, ethnicity, UPN, ULN, postcode). Every child in the file is recorded as a read of their"
                    + " personal data (audit field sen2Return). A council with no cases answers a file with no persons.")
    @APIResponse(responseCode = "200", description = "the file (Content-Disposition names it sen2-{la}-{year}.xml)",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "the problem's field names the parameter: la (not three digits), censusDate"
            + " (missing, not yyyy-mm-dd, not the third Thursday of January, or in the future)", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "401", description = "no valid bearer token", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "not a team manager, or not acting for council la", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "503", description = "reporting-service did not answer", content = @Content(mediaType = PROBLEM))
    public Uni<Response> sen2Return(
            @Parameter(description = "DfE three-digit LA code", example = "839") @PathParam("la") String la,
            @Parameter(description = "the census date: the third Thursday of January, yyyy-mm-dd", example = "2026-01-15")
            @QueryParam("censusDate") String censusDate,
            @Context HttpHeaders headers) {
        return exports.of(actor.current(), la, censusDate, headers.getHeaderString(HttpHeaders.AUTHORIZATION))
                .map(file -> Response.ok(file.xml(), MediaType.APPLICATION_XML + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"").build());
    }
}
