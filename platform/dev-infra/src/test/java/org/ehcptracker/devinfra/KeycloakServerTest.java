package org.ehcptracker.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Keycloak with the local demo realm (deploy/local/ehcp-realm.json): the tokens carry the claims the
 * services read (the sign-in contract of issue 11). One Keycloak start for the whole class.
 */
class KeycloakServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KeycloakServer keycloak;
    private static Path dataDir;

    @BeforeAll
    static void start() throws IOException {
        dataDir = Files.createTempDirectory(Paths.get("target"), "keycloak-test-");
        long t0 = System.nanoTime();
        keycloak = KeycloakServer.start(FreePort.find(), dataDir, KeycloakServer.localRealmFile());
        System.out.printf("Keycloak ready in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        if (keycloak != null) {
            keycloak.close();
            assertThat(keycloak.isAlive()).isFalse();
        }
        if (dataDir != null) {
            KeycloakServer.deleteTree(dataDir);
        }
    }

    @Test
    void caseworker_token_carries_roles_councils_audience_and_the_issuer() throws Exception {
        JsonNode claims = claims(passwordGrant("jsmith", "jsmith-demo").body());

        assertThat(texts(claims.get("roles"))).contains("caseworker").doesNotContain("team-manager");
        assertThat(texts(claims.get("councils"))).containsExactly("839");
        assertThat(texts(claims.get("aud"))).contains("ehcp-api");
        assertThat(claims.get("iss").asText()).isEqualTo(keycloak.issuer())
            .isEqualTo("http://localhost:" + keycloak.port() + "/realms/ehcp");
        assertThat(claims.get("sub").asText()).isNotBlank().isNotEqualTo("jsmith");
        assertThat(claims.get("preferred_username").asText()).isEqualTo("jsmith");
        assertThat(claims.has("agency")).isFalse();
        // five minutes
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
    }

    @Test
    void team_manager_is_also_a_caseworker() throws Exception {
        JsonNode claims = claims(passwordGrant("mjones", "mjones-demo").body());

        assertThat(texts(claims.get("roles"))).contains("team-manager", "caseworker");
        assertThat(texts(claims.get("councils"))).containsExactly("839");
    }

    @Test
    void agency_user_carries_the_agency_id() throws Exception {
        JsonNode claims = claims(passwordGrant("ep839", "ep839-demo").body());

        assertThat(texts(claims.get("roles"))).contains("agency").doesNotContain("caseworker");
        assertThat(claims.get("agency").asText()).isEqualTo("ep-839");
        assertThat(texts(claims.get("councils"))).containsExactly("839");
    }

    @Test
    void national_analyst_and_administrator_councils() throws Exception {
        assertThat(texts(claims(passwordGrant("analyst", "analyst-demo").body()).get("councils")))
            .containsExactly("*");
        JsonNode admin = claims(passwordGrant("admin", "admin-demo").body());
        assertThat(texts(admin.get("councils"))).containsExactlyInAnyOrder("839", "873");
        assertThat(texts(admin.get("roles"))).contains("admin");
    }

    @Test
    void access_token_helper_for_system_tests() throws Exception {
        String token = keycloak.accessToken("eps873", "eps873-demo");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));

        assertThat(claims.get("agency").asText()).isEqualTo("eps-873");
        assertThat(texts(claims.get("councils"))).containsExactly("873");
        assertThatThrownBy(() -> keycloak.accessToken("eps873", "wrong"))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("invalid_grant");
    }

    @Test
    void token_lifespan_can_be_shortened_for_an_expiry_test_and_restored() throws Exception {
        try {
            keycloak.setAccessTokenLifespan(Duration.ofSeconds(2));
            JsonNode shortLived = claims(passwordGrant("akhan", "akhan-demo").body());
            assertThat(shortLived.get("exp").asLong() - shortLived.get("iat").asLong()).isEqualTo(2);
        } finally {
            keycloak.setAccessTokenLifespan(KeycloakServer.DEMO_ACCESS_TOKEN_LIFESPAN);
        }
        JsonNode normal = claims(passwordGrant("akhan", "akhan-demo").body());
        assertThat(normal.get("exp").asLong() - normal.get("iat").asLong()).isEqualTo(300);
    }

    @Test
    void wrong_password_gets_no_token() throws Exception {
        HttpResponse<String> r = passwordGrant("jsmith", "not-the-password");

        // Keycloak 26 answers RFC 6749's invalid_grant with 400 (older versions said 401)
        assertThat(r.statusCode()).isIn(400, 401);
        assertThat(JSON.readTree(r.body()).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(r.body()).doesNotContain("access_token");
    }

    /** The pages' login, as a browser does it, back to a port other than 8084 (system tests use a free port). */
    @Test
    void pages_login_redirects_back_to_any_localhost_port_and_the_code_gives_a_token() throws Exception {
        String redirect = "http://localhost:" + FreePort.find() + "/pages/callback";
        HttpResponse<String> loginPage = HTTP.send(HttpRequest.newBuilder(authorize(redirect)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(action.find()).as("login form in %s", loginPage.body()).isTrue();

        // by hand: Keycloak marks its cookies Secure even on http://localhost, which java.net.CookieManager then withholds
        String cookies = loginPage.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
            .collect(Collectors.joining("; "));
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
            .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
            .POST(form(Map.of("username", "chair839", "password", "chair839-demo", "credentialId", ""))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(redirect + "?");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).isTrue();

        // the demo default of EHCP_PAGES_CLIENT_SECRET
        HttpResponse<String> tokens = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(form(Map.of("grant_type", "authorization_code", "code", code.group(1), "redirect_uri", redirect,
                "client_id", "ehcp-pages", "client_secret", "ehcp-pages-local-secret"))).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode claims = claims(tokens.body());
        assertThat(texts(claims.get("roles"))).contains("board");
        assertThat(texts(claims.get("councils"))).containsExactly("839");
        assertThat(texts(claims.get("aud"))).contains("ehcp-api");
    }

    @Test
    void pages_login_refuses_a_redirect_off_this_machine() throws Exception {
        for (String evil : List.of("http://localhost.evil.example/callback", "http://localhost:1@evil.example/",
                "https://evil.example/")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(authorize(evil)).build(),
                HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(evil).isEqualTo(400);
            assertThat(r.body()).as(evil).contains("Invalid parameter: redirect_uri");
        }
    }

    @Test
    void cli_client_has_no_browser_flow_and_the_api_client_no_flow_at_all() throws Exception {
        for (String client : List.of("ehcp-cli", "ehcp-api")) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.issuer()
                + "/protocol/openid-connect/auth?response_type=code&scope=openid&client_id=" + client
                + "&redirect_uri=" + enc("http://localhost:8084/callback"))).build(), HttpResponse.BodyHandlers.ofString());
            // 400 invalid request for the CLI (no browser flow), 403 not allowed for the bearer-only API client
            assertThat(r.statusCode()).as(client).isIn(400, 403);
            assertThat(r.body()).as(client).doesNotContain("kc-form-login");
        }
        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(form(Map.of("grant_type", "password", "client_id", "ehcp-api", "username", "jsmith",
                "password", "jsmith-demo"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isIn(400, 401);
        assertThat(api.body()).doesNotContain("access_token");
    }

    @Test
    void missing_jdk_message_says_what_to_install() {
        assertThat(KeycloakServer.JDK_MISSING).contains("JDK 21", "EHCP_KEYCLOAK_JAVA_HOME");
        assertThat(KeycloakServer.javaVersion(Paths.get(System.getProperty("java.home"))))
            .isEqualTo(Runtime.version().feature());
        assertThat(KeycloakServer.javaVersion(Paths.get("/nonexistent"))).isEqualTo(-1);
    }

    // ---------------------------------------------------------------- helpers

    private static URI authorize(String redirect) {
        return URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?response_type=code&scope=openid"
            + "&client_id=ehcp-pages&state=s1&nonce=n1&redirect_uri=" + enc(redirect));
    }

    private static HttpResponse<String> passwordGrant(String user, String password) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(form(Map.of("grant_type", "password", "client_id", "ehcp-cli", "username", user,
                "password", password))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The access token's payload, decoded (its signature is the services' business, not this test's). */
    private static JsonNode claims(String tokenResponse) throws IOException {
        JsonNode body = JSON.readTree(tokenResponse);
        assertThat(body.has("access_token")).as(tokenResponse).isTrue();
        String[] parts = body.get("access_token").asText().split("\\.");
        assertThat(parts).hasSize(3);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    /** A claim that may be one string or an array of strings (Keycloak writes a single audience as a string). */
    private static List<String> texts(JsonNode node) {
        assertThat(node).isNotNull();
        if (node.isArray()) {
            return java.util.stream.StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
        }
        return List.of(node.asText());
    }

    private static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(new LinkedHashMap<>(fields).entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&")));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
