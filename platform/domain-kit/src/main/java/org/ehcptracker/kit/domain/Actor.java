package org.ehcptracker.kit.domain;

import java.util.Comparator;
import java.util.Objects;
import java.util.Set;

/**
 * Who makes a request, as the identity provider's token says (service-kit's {@code CurrentActor} builds it):
 * {@code id} is the token's subject (a stable pseudonymous id, never a name), {@code role} the most specific of
 * its roles ({@link Role#PRECEDENCE}), {@code councils} the LA codes the actor acts for ({@value #EVERY_COUNCIL}
 * for every council: national users only), {@code agency} the partner agency's id for agency users.
 * Stored in each event's metadata as {@code role:id}.
 */
public record Actor(String role, String id, Set<String> roles, Set<String> councils, String agency) {

    /** the councils claim's value for a national user, who acts for (or reads) every council */
    public static final String EVERY_COUNCIL = "*";

    public Actor {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(id, "id");
        roles = Set.copyOf(roles);
        councils = Set.copyOf(councils);
    }

    /** An actor inside the system (a consumer acting on an event), with no council scope of its own. */
    public Actor(String role, String id) {
        this(role, id, Set.of(role), Set.of(), null);
    }

    /** The actor a token describes; its recorded role is the most specific one it holds. */
    public static Actor of(String subject, Set<String> roles, Set<String> councils, String agency) {
        String primary = roles.stream()
                .filter(Role.PRECEDENCE::contains)
                .min(Comparator.comparingInt(Role.PRECEDENCE::indexOf))
                .orElse("none");
        return new Actor(primary, subject, roles, councils, agency);
    }

    public boolean hasRole(String r) {
        return roles.contains(r);
    }

    /** whether the actor acts for council {@code localAuthorityCode} */
    public boolean actsFor(String localAuthorityCode) {
        return councils.contains(EVERY_COUNCIL) || councils.contains(localAuthorityCode);
    }

    /** whether the actor acts for every council (the "all councils" figures) */
    public boolean actsForEveryCouncil() {
        return councils.contains(EVERY_COUNCIL);
    }

    /** Refuses (403) an actor who does not act for the council; the case or figure is of that council. */
    public void requireCouncil(String localAuthorityCode) {
        if (!actsFor(localAuthorityCode)) {
            throw new AccessDenied("you do not act for council " + localAuthorityCode);
        }
    }

    /** Refuses (403) an agency user whose agency is not {@code agencyId}; other roles pass (their council is checked apart). */
    public void requireAgencyIfAgencyUser(String agencyId) {
        if (hasRole(Role.AGENCY) && !hasRole(Role.CASEWORKER) && !Objects.equals(agency, agencyId)) {
            throw new AccessDenied("this advice request is addressed to another agency");
        }
    }

    @Override
    public String toString() {
        return role + ":" + id;
    }
}
