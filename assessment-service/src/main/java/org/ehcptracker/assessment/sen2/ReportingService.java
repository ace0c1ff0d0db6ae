package org.ehcptracker.assessment.sen2;

import io.smallrye.config.ConfigMapping;

/**
 * Where reporting-service is, for the SEN2 return (docs/sen2.md); the REST client reads it through
 * {@code quarkus.rest-client.reporting.url}. Overridable by EHCP_REPORTING_URL.
 */
@ConfigMapping(prefix = "ehcp.services")
public interface ReportingService {

    String reportingUrl();
}
