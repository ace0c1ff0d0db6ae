package org.ehcptracker.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for advice-service's API, for the agency pages' service tests (the real one is driven in the browser
 * system test): two requests of agency ep-973, the agency's own-inbox check on the bearer token's claims, the 422 for
 * advice dated before its request, and a record of the last call's credential and Idempotency-Key at /_last.
 * A global test resource: it adds no Quarkus boot.
 */
public class FakeAdviceService implements QuarkusTestResourceLifecycleManager {

    /** Asked 2025-02-11, due 2025-03-25 (6 weeks), open and overdue as of today. */
    static final UUID OPEN = UUID.fromString("00000000-0000-0000-0000-000000000973");
    /** Asked 2025-02-12, sent 2025-03-01. */
    static final UUID SENT = UUID.fromString("00000000-0000-0000-0000-000000000974");
    /** Asked 2025-02-11, open: the refusals are tried on it, so it stays open. */
    static final UUID REFUSED = UUID.fromString("00000000-0000-0000-0000-000000000975");
    static final UUID CASE = UUID.fromString("97300000-0000-0000-0000-000000000001");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<UUID, ObjectNode> requests = new ConcurrentHashMap<>();
    private final Map<String, String> last = new ConcurrentHashMap<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        requests.put(OPEN, request(OPEN, "2025-02-11", "2025-03-25", "REQUESTED", null));
        requests.put(REFUSED, request(REFUSED, "2025-02-11", "2025-03-25", "REQUESTED", null));
        requests.put(SENT, request(SENT, "2025-02-12", "2025-03-26", "SUBMITTED", "2025-03-01"));
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return Map.of("ehcp.services.advice-url", "http://localhost:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static ObjectNode request(UUID id, String requested, String due, String status, String submitted) {
        ObjectNode r = JSON.createObjectNode();
        r.put("adviceRequestId", id.toString()).put("caseId", CASE.toString())
                .put("adviceType", "EDUCATIONAL_PSYCHOLOGY").put("agencyId", "ep-973")
                .put("requestedDate", requested).put("dueDate", due).put("status", status)
                .put("submittedDate", submitted).put("returnedForRework", false).put("reworkCount", 0);
        boolean open = submitted == null;
        r.put("late", open);
        if (open) {
            r.put("daysLate", java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(due), LocalDate.now()));
        } else {
            r.putNull("daysLate");
        }
        r.putNull("daysLeft");
        return r;
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String actor = actor(x.getRequestHeaders().getFirst("Authorization"));
        if (!path.equals("/_last")) {
            last.put("actor", String.valueOf(actor));
            last.put("path", path + (x.getRequestURI().getQuery() == null ? "" : "?" + x.getRequestURI().getQuery()));
            last.put("idempotencyKey", String.valueOf(x.getRequestHeaders().getFirst("Idempotency-Key")));
        }
        if (path.equals("/_last")) {
            send(x, 200, JSON.writeValueAsString(last));
        } else if (actor == null) {
            send(x, 401, problem(401, null, "sign in: every API call needs a bearer token"));
        } else if (path.equals("/api/agencies/ep-973/inbox") && "GET".equals(x.getRequestMethod())) {
            if (!actor.equals("agency ep-973")) {
                send(x, 403, problem(403, "agencyId", actor + " may read only its own inbox, not agency ep-973's"));
                return;
            }
            ObjectNode inbox = JSON.createObjectNode().put("agencyId", "ep-973").put("asOf", LocalDate.now().toString())
                    .put("status", "open").put("total", requests.size());
            inbox.putArray("items").addAll(List.of(requests.get(OPEN), requests.get(REFUSED), requests.get(SENT)));
            send(x, 200, JSON.writeValueAsString(inbox));
        } else if (path.startsWith("/api/advice-requests/")) {
            String[] parts = path.split("/");
            ObjectNode r = requests.get(UUID.fromString(parts[3]));
            if (r == null) {
                send(x, 404, problem(404, null, "no advice request " + parts[3]));
            } else if (parts.length == 4 && "GET".equals(x.getRequestMethod())) {
                send(x, 200, JSON.writeValueAsString(r));
            } else if (parts.length == 5 && "submission".equals(parts[4]) && "POST".equals(x.getRequestMethod())) {
                var body = JSON.readTree(x.getRequestBody());
                LocalDate sent = LocalDate.parse(body.get("submittedDate").asText());
                if (sent.isBefore(LocalDate.parse(r.get("requestedDate").asText()))) {
                    send(x, 422, problem(422, "submittedDate", "submittedDate " + sent
                            + " is before the advice was requested (" + r.get("requestedDate").asText() + ")"));
                    return;
                }
                r.put("status", "SUBMITTED").put("submittedDate", sent.toString()).put("late", false).putNull("daysLate");
                send(x, 200, JSON.writeValueAsString(r));
            } else {
                send(x, 404, problem(404, null, "no such route"));
            }
        } else {
            send(x, 404, problem(404, null, "no such route"));
        }
    }

    /**
     * The caller as "agency ep-973" from the bearer token's claims (role and agency). Not verified: the real
     * service verifies it; here only that the page sent the user's own token matters.
     */
    private static String actor(String authorization) throws IOException {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        var claims = JSON.readTree(java.util.Base64.getUrlDecoder().decode(parts[1]));
        return claims.path("roles").path(0).asText() + " " + claims.path("agency").asText(claims.path("sub").asText());
    }

    private static String problem(int status, String field, String detail) throws IOException {
        ObjectNode p = JSON.createObjectNode().put("status", status).put("title", "Problem").put("detail", detail);
        if (field != null) {
            p.put("field", field);
        }
        return JSON.writeValueAsString(p);
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }
}
