package org.ehcptracker.reporting.pages;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * The one place that decides what a page's call to a command service carries as the user's credential: the command
 * service, not the page, checks what the user may do. Today that is the browser's own {@code X-Actor} header (the
 * actor seam before sign-in) or its {@code Authorization} header, copied as they came; with sign-in it is the
 * user's access token from the session (docs/front-end.md, "Acting for the user").
 */
@ApplicationScoped
public class UserCredentials implements ClientHeadersFactory {

    static final List<String> CREDENTIALS = List.of("X-Actor", "Authorization");

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        for (String name : CREDENTIALS) {
            String value = incoming.getFirst(name);
            if (value != null) {
                headers.putSingle(name, value);
            }
        }
        return headers;
    }
}
