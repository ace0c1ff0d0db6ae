package org.ehcptracker.assessment.sen2;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * reporting-service's pseudonymous SEN2 modules (docs/reporting.md, docs/sen2.md), read as a JSON tree so that a field
 * reporting adds breaks nothing here. Called with the caller's own bearer token: reporting decides what they may read.
 */
@RegisterRestClient(configKey = "reporting")
@Path("/api/local-authorities")
public interface ReportingSen2Api {

    @GET
    @Path("/{la}/sen2")
    Uni<JsonNode> sen2(@PathParam("la") String la, @QueryParam("censusDate") String censusDate,
                       @HeaderParam("Authorization") String authorization);
}
