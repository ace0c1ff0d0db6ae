package org.ehcptracker.testtokens;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Access tokens for service tests: real RS256 JWTs, signed with this module's test key, which every service
 * verifies in its test profile ({@code %test.quarkus.oidc.public-key} in service-kit). The claims are those the
 * identity provider issues (docs/security.md): {@code sub}, {@code roles}, {@code councils}, {@code agency},
 * {@code aud} {@value #AUDIENCE}, {@code iss} {@value #ISSUER}. The key signs nothing outside tests.
 */
public final class TestTokens {

    public static final String ISSUER = "https://ehcp-test.invalid/realms/ehcp";
    public static final String AUDIENCE = "ehcp-api";
    private static final PrivateKey KEY = load("/test-signing-key.pem");

    private TestTokens() {
    }

    /** One caller's claims; build with {@link #as(String)} and refine. */
    public record Caller(String subject, List<String> roles, List<String> councils, String agency, String audience,
                         String issuer, Duration expiresIn) {

        public Caller councils(String... codes) {
            return new Caller(subject, roles, List.of(codes), agency, audience, issuer, expiresIn);
        }

        public Caller agency(String agencyId) {
            return new Caller(subject, roles, councils, agencyId, audience, issuer, expiresIn);
        }

        public Caller audience(String aud) {
            return new Caller(subject, roles, councils, agency, aud, issuer, expiresIn);
        }

        public Caller issuer(String iss) {
            return new Caller(subject, roles, councils, agency, audience, iss, expiresIn);
        }

        /** a negative duration makes a token that has already expired */
        public Caller expiresIn(Duration d) {
            return new Caller(subject, roles, councils, agency, audience, issuer, d);
        }

        /** the signed compact JWT */
        public String token() {
            Instant now = Instant.now();
            var builder = Jwt.claims()
                    .subject(subject)
                    .issuer(issuer)
                    .audience(audience)
                    .claim("roles", roles)
                    .claim("councils", councils)
                    .issuedAt(now.minusSeconds(60))
                    .expiresAt(now.plus(expiresIn));
            if (agency != null) {
                builder.claim("agency", agency);
            }
            return builder.jws().keyId("ehcp-test").sign(KEY);
        }

        /** the value of an Authorization header */
        public String bearer() {
            return "Bearer " + token();
        }
    }

    /**
     * A caller from the shorthand the tests used to send as a header, {@code role:subject}: every council
     * ({@code *}); a team manager also holds caseworker (as the realm's composite role gives); an agency user's
     * agency is the subject, e.g. {@code agency:ep-839}.
     */
    public static Caller as(String roleAndSubject) {
        int colon = roleAndSubject.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("role:subject, e.g. caseworker:jsmith: " + roleAndSubject);
        }
        String role = roleAndSubject.substring(0, colon);
        String subject = roleAndSubject.substring(colon + 1);
        var roles = new ArrayList<>(Arrays.asList(role.split("\\+")));
        if (roles.contains("team-manager") && !roles.contains("caseworker")) {
            roles.add("caseworker");
        }
        return new Caller(subject, List.copyOf(roles), List.of("*"), roles.contains("agency") ? subject : null,
                AUDIENCE, ISSUER, Duration.ofMinutes(10));
    }

    /** {@code Authorization} header value for {@link #as(String)}. */
    public static String bearer(String roleAndSubject) {
        return as(roleAndSubject).bearer();
    }

    private static PrivateKey load(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("test signing key", e);
        }
    }
}
