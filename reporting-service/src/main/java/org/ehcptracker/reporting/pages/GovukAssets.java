package org.ehcptracker.reporting.pages;

import jakarta.annotation.security.PermitAll;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * GOV.UK Frontend's images and fonts at /assets/..., where its precompiled stylesheet looks for them, read from the
 * govuk-frontend webjar on the class path (no copy in the repository, no CDN).
 */
@PermitAll
@Path("/assets")
public class GovukAssets {

    private static final String ROOT = "META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/assets/";
    /** Only plain names under images/ and fonts/: nothing can climb out of the assets folder. */
    private static final Pattern ASSET = Pattern.compile("(images|fonts)/[A-Za-z0-9._-]+");
    private static final Map<String, String> TYPES = Map.of("svg", "image/svg+xml", "png", "image/png",
            "ico", "image/x-icon", "woff", "font/woff", "woff2", "font/woff2");

    @GET
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Response asset(@PathParam("path") String path) {
        if (!ASSET.matcher(path).matches() || path.contains("..")) {
            return Response.status(404).build();
        }
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOT + path);
        if (in == null) {
            return Response.status(404).build();
        }
        String type = TYPES.getOrDefault(path.substring(path.lastIndexOf('.') + 1), "application/octet-stream");
        return Response.ok(in, type).header("Cache-Control", "public, max-age=86400").build();
    }
}
