package org.ehcptracker.advice.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server for the reminder tests: GreenMail standalone (Maven artifact
 * com.icegreen:greenmail-standalone, path given by the system property {@code greenmail.jar}) as a separate
 * process, on free ports, with its REST API to read what was received. It applies to every test class
 * (one Quarkus boot), pointing quarkus-mailer at it.
 */
public class GreenMailTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String apiBase;
    private Process process;

    /** The REST API's base address, e.g. http://127.0.0.1:41234. */
    static String api() {
        return apiBase;
    }

    @Override
    public Map<String, String> start() {
        try {
            String jar = System.getProperty("greenmail.jar");
            if (jar == null || !Files.exists(Path.of(jar))) {
                throw new IllegalStateException("greenmail-standalone not found at " + jar + " (system property greenmail.jar)");
            }
            int smtp = freePort();
            int api = freePort();
            Path log = Path.of("target", "greenmail.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(List.of(java, "-Xmx128m",
                    "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtp,
                    "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + api,
                    "-Dgreenmail.auth.disabled", "-jar", jar))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            apiBase = "http://127.0.0.1:" + api;
            awaitReady(log);
            return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(smtp));
        } catch (IOException e) {
            throw new IllegalStateException("GreenMail did not start", e);
        }
    }

    private void awaitReady(Path log) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("GreenMail exited: " + Files.readString(log));
            }
            try {
                var answer = client.send(HttpRequest.newBuilder(URI.create(apiBase + "/api/service/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("GreenMail not ready after 60s: " + Files.readString(log));
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
