package org.ehcptracker.reporting.pages;

import io.smallrye.config.ConfigMapping;

/**
 * Where the command services' APIs are, for the pages that act on the user's behalf (docs/front-end.md). The REST
 * clients read these through {@code quarkus.rest-client.<name>.url}; each is overridable by environment variable
 * (EHCP_ASSESSMENT_URL, EHCP_ADVICE_URL, EHCP_PLAN_URL).
 */
@ConfigMapping(prefix = "ehcp.services")
public interface CommandServices {

    String assessmentUrl();

    String adviceUrl();

    String planUrl();
}
