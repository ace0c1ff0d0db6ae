package org.ehcptracker.kit.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which token claims carry the actor's councils and agency (roles: {@code quarkus.oidc.roles.role-claim-path}).
 * Keycloak's demo realm uses the defaults; a council's own provider (Entra ID) sets its names by environment
 * (EHCP_COUNCILS_CLAIM, EHCP_AGENCY_CLAIM): docs/security.md.
 */
@ConfigMapping(prefix = "ehcp.auth")
public interface ClaimNames {

    /** an array of LA codes, or {@code *} for every council */
    @WithDefault("councils")
    String councilsClaim();

    /** the agency's id in the directory, for agency users */
    @WithDefault("agency")
    String agencyClaim();
}
