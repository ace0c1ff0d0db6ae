package org.ehcptracker.systemtests;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Instant;
import org.ehcptracker.devinfra.KeycloakServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the stack's Keycloak (the realm deploy/local/ehcp-realm.json), by the password grant on
 * the demo-only {@code ehcp-cli} client, as the README's walk-through gets them. Callers named the short way,
 * {@code role:subject} (e.g. {@code caseworker:system-test}), become Keycloak users created once through the
 * admin API with that role, every council ({@code *}) and, for agency users, the subject as their agency; the
 * realm's demo users (jsmith, ep839, chair839...) sign in with their own passwords.
 */
public final class KeycloakSignIn {

    private static final String REALM = "ehcp";
    private final KeycloakServer keycloak;
    private final String baseUrl;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAfter) {
    }

    public KeycloakSignIn(KeycloakServer keycloak) {
        this.keycloak = keycloak;
        this.baseUrl = keycloak.baseUrl();
    }

    /** {@code Authorization} header value for {@code role:subject}, creating the user on first use. */
    public String bearer(String roleAndSubject) {
        String username = roleAndSubject.replace(':', '.');
        return "Bearer " + tokens.compute(username, (name, held) -> {
            if (held != null && Instant.now().isBefore(held.renewAfter())) {
                return held;
            }
            if (held == null) {
                ensureUser(roleAndSubject, name);
            }
            return passwordGrant(name, name + "-pw");
        }).value();
    }

    /** {@code Authorization} header value for one of the realm's demo users ({@code jsmith} → {@code jsmith-demo}). */
    public String bearerOfDemoUser(String username) {
        return "Bearer " + tokens.compute("demo:" + username, (name, held) ->
                held != null && Instant.now().isBefore(held.renewAfter()) ? held
                        : passwordGrant(username, username + "-demo")).value();
    }

    /** The raw password grant's answer, for tests of sign-in itself (a wrong password, say). */
    public io.restassured.response.Response tokenResponse(String username, String password) {
        return given().baseUri(baseUrl).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "ehcp-cli")
                .formParam("username", username).formParam("password", password)
                .post("/realms/" + REALM + "/protocol/openid-connect/token");
    }

    private Token passwordGrant(String username, String password) {
        var answer = tokenResponse(username, password).then().statusCode(200).extract().jsonPath();
        int lifetime = answer.getInt("expires_in");
        return new Token(answer.getString("access_token"), Instant.now().plusSeconds(Math.max(5, lifetime - 30)));
    }

    private void ensureUser(String roleAndSubject, String username) {
        String role = roleAndSubject.substring(0, roleAndSubject.indexOf(':'));
        String subject = roleAndSubject.substring(roleAndSubject.indexOf(':') + 1);
        keycloak.addUser(username, username + "-pw",
                role.equals("team-manager") ? List.of("team-manager", "caseworker") : List.of(role),
                List.of("*"), role.equals("agency") ? subject : null);
    }
}
