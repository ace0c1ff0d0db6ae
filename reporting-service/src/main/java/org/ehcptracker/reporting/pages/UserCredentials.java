package org.ehcptracker.reporting.pages;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * The one place that decides what a page's call to a command service carries as the user's credential: the
 * signed-in user's own access token (from the page's session after the authorization-code flow, or the bearer token
 * the request came with), so the command service, not the page, decides what the user may do and records them as
 * the actor (docs/front-end.md, "Acting for the user"). Nothing is sent for an anonymous request: the service then
 * answers 401.
 */
@ApplicationScoped
public class UserCredentials implements ClientHeadersFactory {

    private final Instance<SecurityIdentity> identity;

    public UserCredentials(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
                                                 MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        SecurityIdentity user = identity.get();
        AccessTokenCredential token = user == null || user.isAnonymous() ? null
                : user.getCredential(AccessTokenCredential.class);
        if (token != null) {
            headers.putSingle("Authorization", "Bearer " + token.getToken());
        }
        return headers;
    }
}
