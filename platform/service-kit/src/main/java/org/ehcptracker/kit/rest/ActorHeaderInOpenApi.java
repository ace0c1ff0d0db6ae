package org.ehcptracker.kit.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.ehcptracker.kit.domain.Actor;

/**
 * Documents the {@code X-Actor} header on every /api operation: {@link ActorRequired} reads it for all of
 * them, so no resource method declares it any more.
 */
public class ActorHeaderInOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(operation -> operation.addParameter(actorHeader()));
            }
        });
    }

    private static Parameter actorHeader() {
        return OASFactory.createParameter()
                .name(Actor.HEADER)
                .in(Parameter.In.HEADER)
                .required(true)
                .description("who makes the request, as role:id, e.g. caseworker:jsmith or agency:ep-839")
                .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING));
    }
}
