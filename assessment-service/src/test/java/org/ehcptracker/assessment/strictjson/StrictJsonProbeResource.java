package org.ehcptracker.assessment.strictjson;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ehcptracker.contracts.assessment.RequestKind;
import org.ehcptracker.contracts.assessment.RequesterType;

/**
 * Test-only endpoint (test sources, so never in the packaged service): binds a body holding every kind of field the
 * services' bodies use (text, enum, date, boolean, number, nested object, list of objects) and echoes it, so
 * {@link StrictJsonTest} can send each kind of bad JSON and read the problem the platform (service-kit) answers.
 */
// test-only echo of the binding: nothing to protect, and sign-in is not what StrictJsonTest tests
@jakarta.annotation.security.PermitAll
@Path("/strict-json-probe")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StrictJsonProbeResource {

    /** A body with one field of each kind. */
    public record Probe(String text, RequestKind kind, LocalDate date, Boolean flag, Integer count, Inner inner,
                        List<Inner> items) {
    }

    /** A nested object. */
    public record Inner(LocalDate on, RequesterType who, String note) {
    }

    @POST
    @Operation(hidden = true) // not part of any service's API
    public Probe echo(Probe body) {
        return body;
    }
}
