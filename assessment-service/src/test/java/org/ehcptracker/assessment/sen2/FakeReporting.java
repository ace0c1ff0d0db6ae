package org.ehcptracker.assessment.sen2;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for reporting-service's {@code GET /api/local-authorities/{la}/sen2} (docs/sen2.md), for the SEN2 return's
 * service test: answers the modules a test set for the council ({@link #answer}), an empty return for any other, a
 * 400 problem naming censusDate for 2026-01-16 (not a third Thursday), and records the last Authorization header it
 * was sent. A global test resource: it adds no Quarkus boot.
 */
public class FakeReporting implements QuarkusTestResourceLifecycleManager {

    public static final Map<String, String> MODULES = new ConcurrentHashMap<>();
    public static volatile String lastAuthorization;

    private HttpServer server;

    /** The JSON reporting answers for council {@code la}. */
    public static void answer(String la, String json) {
        MODULES.put(la, json);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return Map.of("ehcp.services.reporting-url", "http://localhost:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        String[] parts = uri.getPath().split("/");
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        String census = query.replaceAll(".*censusDate=([^&]*).*", "$1");
        if (parts.length != 5 || !"sen2".equals(parts[4])) {
            send(exchange, 404, "application/problem+json", "{\"status\":404,\"title\":\"Not Found\"}");
        } else if ("2026-01-16".equals(census)) {
            send(exchange, 400, "application/problem+json", "{\"status\":400,\"title\":\"Bad Request\",\"field\":\"censusDate\","
                    + "\"detail\":\"censusDate 2026-01-16 is not a SEN2 census date\"}");
        } else {
            String la = parts[3];
            send(exchange, 200, "application/json", MODULES.getOrDefault(la, "{\"localAuthorityCode\":\"" + la
                    + "\",\"censusDate\":\"" + census + "\",\"collectionYear\":" + census.substring(0, 4)
                    + ",\"periodStart\":null,\"periodEnd\":null,\"cases\":[]}"));
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
