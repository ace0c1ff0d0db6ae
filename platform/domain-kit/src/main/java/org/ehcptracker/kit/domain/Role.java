package org.ehcptracker.kit.domain;

import java.util.List;

/**
 * The roles a signed-in user can hold (the token's roles claim; docs/security.md). Constants so that
 * {@code @RolesAllowed} and the access checks name them one way.
 */
public final class Role {

    /** acts on the cases of their own council(s) */
    public static final String CASEWORKER = "caseworker";
    /** a caseworker who also assigns cases, erases personal data and corrects exceptions */
    public static final String TEAM_MANAGER = "team-manager";
    /** a partner agency's user: only the advice requests addressed to their agency */
    public static final String AGENCY = "agency";
    /** an improvement board member: figures of their council(s), no personal data */
    public static final String BOARD = "board";
    /** the council's administrator: agency directory and configuration */
    public static final String ADMIN = "admin";
    /** the services themselves, when a consumer acts on an event (never a token's role) */
    public static final String SYSTEM = "system";

    /** Most specific first: the role an actor is recorded under when the token carries several. */
    public static final List<String> PRECEDENCE = List.of(TEAM_MANAGER, CASEWORKER, AGENCY, BOARD, ADMIN);

    private Role() {
    }
}
