package org.ehcptracker.kit.rest;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.ehcptracker.kit.domain.Actor;

/**
 * Who makes the current request, from the verified OIDC token (quarkus-oidc): subject, roles, councils and
 * agency (claim names in {@link ClaimNames}). Resources pass {@code actor.current()} to the application service;
 * nothing a caller writes in a header or body can change it.
 */
@RequestScoped
public class CurrentActor {

    private final SecurityIdentity identity;
    private final ClaimNames claims;
    private Actor actor;

    public CurrentActor(SecurityIdentity identity, ClaimNames claims) {
        this.identity = identity;
        this.claims = claims;
    }

    /** The actor of this request; 401 when the request carries no valid token. */
    public Actor current() {
        if (actor == null) {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
                throw new UnauthorizedException("sign in: every API call needs a bearer token");
            }
            Object agencyClaim = token.getClaim(claims.agencyClaim());
            String agency = agencyClaim == null ? null : text(agencyClaim);
            actor = Actor.of(token.getSubject(), identity.getRoles(), strings(token.getClaim(claims.councilsClaim())),
                    agency);
        }
        return actor;
    }

    /** A claim as a set of strings: a JSON array, a collection, or one space- or comma-separated string. */
    static Set<String> strings(Object claim) {
        var out = new LinkedHashSet<String>();
        if (claim instanceof JsonArray array) {
            array.forEach(v -> out.add(text(v)));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(v -> out.add(text(v)));
        } else if (claim != null) {
            out.addAll(Arrays.asList(text(claim).split("[\\s,]+")));
        }
        out.removeIf(String::isBlank);
        return out;
    }

    private static String text(Object v) {
        return v instanceof JsonString s ? s.getString() : String.valueOf(v);
    }
}
