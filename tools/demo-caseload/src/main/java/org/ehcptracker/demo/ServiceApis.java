package org.ehcptracker.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The services' public APIs as a signed-in user calls them: a bearer token from the identity provider (the password
 * grant of the local demo realm's {@code ehcp-cli} client), renewed before it expires.
 */
final class ServiceApis {

    /** One answer: the status and the body (problem+json on a refusal). */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        boolean ok() {
            return status / 100 == 2;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI tokenEndpoint;
    private final String username;
    private final String password;
    private String token;
    private Instant renewAt = Instant.MIN;

    ServiceApis(String oidcUrl, String username, String password) {
        this.tokenEndpoint = URI.create(oidcUrl + "/protocol/openid-connect/token");
        this.username = username;
        this.password = password;
    }

    Answer post(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    Answer put(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private Answer send(HttpRequest.Builder request) {
        HttpRequest r = request.header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(r.method() + " " + r.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private synchronized String token() {
        if (Instant.now().isBefore(renewAt)) {
            return token;
        }
        String form = "grant_type=password&client_id=ehcp-cli&username=" + encode(username) + "&password=" + encode(password);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("sign-in as " + username + " refused (" + response.statusCode() + "): "
                        + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            token = json.path("access_token").asText();
            // renew at two thirds of the token's life, so no call carries an expired one
            renewAt = Instant.now().plusSeconds(Math.max(10, json.path("expires_in").asLong(300) * 2 / 3));
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("sign-in at " + tokenEndpoint + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
