package org.ehcptracker.reporting.rebuild.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ehcptracker.kit.domain.Role;
import org.ehcptracker.reporting.rebuild.app.ReadModelSwitch;
import org.ehcptracker.reporting.rebuild.app.ReadModelsSwitched;
import org.ehcptracker.reporting.rebuild.app.RebuildProgress;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The operator's side of a rebuild of the read models (docs/reporting.md, "Rebuilding the read models";
 * {@code ./ehcp rebuild reporting} drives it): how far the rebuild process has come, and the switch to its tables.
 * Administrators only. Not scoped to a council: the operation is on the service, changes no figure (the rebuilt
 * tables hold the same events) and shows only record counts.
 */
@Path("/api/admin/read-models/rebuilds/{schema}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "operations")
public class ReadModelResource {

    private final ReadModelSwitch readModels;

    public ReadModelResource(ReadModelSwitch readModels) {
        this.readModels = readModels;
    }

    @RolesAllowed(Role.ADMIN)
    @GET
    @Operation(summary = "How far a rebuild of the read models has come",
            description = "The records its consumer groups (reporting-rebuild-<n>-<channel>) have committed, the"
                    + " records on the topics and the lag by topic; caughtUp when a switch would be accepted.")
    @APIResponse(responseCode = "200", description = "the rebuild's progress")
    @APIResponse(responseCode = "400", description = "a schema name that is not rebuild_<n>")
    @APIResponse(responseCode = "403", description = "not an administrator")
    @APIResponse(responseCode = "404", description = "no such schema: no rebuild was started under that name")
    public Uni<RebuildProgress> progress(
            @Parameter(description = "the rebuild's schema, rebuild_<n>", example = "rebuild_1") @RestPath String schema) {
        return readModels.progress(schema);
    }

    @RolesAllowed(Role.ADMIN)
    @POST
    @Path("/switch")
    @Operation(summary = "Switches the live read models to a rebuild's, atomically, and drops the old ones",
            description = "Holds the live projections' writes (the board's reads go on), waits until the rebuild has"
                    + " committed every record on the topics, then in one transaction moves the live tables aside and"
                    + " the rebuilt ones into place. Refused, changing nothing, when the rebuild is unknown, has not"
                    + " caught up, or another switch runs.")
    @APIResponse(responseCode = "200", description = "switched: the tables moved, the records the rebuild replayed")
    @APIResponse(responseCode = "400", description = "a schema name that is not rebuild_<n>")
    @APIResponse(responseCode = "403", description = "not an administrator")
    @APIResponse(responseCode = "404", description = "no such schema: no rebuild was started under that name")
    @APIResponse(responseCode = "409", description = "not caught up, tables of another version, another switch"
            + " running, or the tables too busy; nothing was switched")
    public Uni<ReadModelsSwitched> switchTo(
            @Parameter(description = "the rebuild's schema, rebuild_<n>", example = "rebuild_1") @RestPath String schema) {
        return readModels.switchTo(schema);
    }
}
