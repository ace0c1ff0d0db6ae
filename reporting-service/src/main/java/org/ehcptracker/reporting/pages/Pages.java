package org.ehcptracker.reporting.pages;

import jakarta.annotation.security.PermitAll;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The start page, the accessibility statement, and the page for an address that leads nowhere. */
@PermitAll
@Path("/")
public class Pages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance start(String error);

        static native TemplateInstance accessibility();

        static native TemplateInstance notFound();

        static native TemplateInstance problem(String message);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance start() {
        return Templates.start(null);
    }

    /** The start page's council picker: a code takes the user to its dashboard, anything else back with an error. */
    @GET
    @Path("board")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response chooseCouncil(@QueryParam("la") String la) {
        String code = la == null ? "" : la.strip();
        if (BoardPage.validScope(code)) {
            return Response.seeOther(URI.create("/councils/" + code + "/board")).build();
        }
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(Templates.start(
                "Enter a council's three-digit code, for example 839, or 'all' for every council")).build();
    }

    @GET
    @Path("accessibility")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance accessibility() {
        return Templates.accessibility();
    }

    static Response notFound() {
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(Templates.notFound())
                .build();
    }
}
