package org.ehcptracker.benchmarks;

import java.time.Duration;
import java.util.List;
import org.ehcptracker.devinfra.KeycloakServer;

/** The benchmarks' caller: a team manager and caseworker of every council at the benchmark's own Keycloak. */
final class BenchmarkSignIn {

    private BenchmarkSignIn() {
    }

    /** The {@code Authorization} header value: one token for the whole run (2 hours), so no run signs in twice. */
    static String bearer(KeycloakServer keycloak) {
        keycloak.setAccessTokenLifespan(Duration.ofHours(2));
        keycloak.addUser("bench", "bench-pw", List.of("team-manager", "caseworker"), List.of("*"), null);
        return "Bearer " + keycloak.accessToken("bench", "bench-pw");
    }
}
