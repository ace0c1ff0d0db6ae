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
 * A stand-in for the command services' APIs (assessment-, advice- and plan-service on one port), for the pages'
 * service tests (the real ones are driven in the browser system test). Caseworker pages: council 975's worklist,
 * cases A (requested), B (assessing) and C (requested; the refusals are tried on it), a decision dated before the
 * request or not a date refused as the API does, a final plan before its draft refused (422, no field).
 * Case D (refused on 2025-02-10: a dispute and its outcome, an outcome dated before the dispute refused) and case E
 * (final plan issued 2025-05-19, plan E in force: a review meeting, its decision, the amended plan, which is refused
 * within the family's 15 days); the audit (team managers only); a transfer from a code that is none refused (400 naming the field).
 * Agency pages: two requests of agency ep-973, the agency's own-inbox check on the bearer token's claims, the 422 for
 * advice dated before its request, and a record of the last call's credential and Idempotency-Key at /_last.
 * A global test resource: it adds no Quarkus boot.
 */
public class FakeCommandServices implements QuarkusTestResourceLifecycleManager {

    /** Asked 2025-02-11, due 2025-03-25 (6 weeks), open and overdue as of today. */
    static final UUID OPEN = UUID.fromString("00000000-0000-0000-0000-000000000973");
    /** Asked 2025-02-12, sent 2025-03-01. */
    static final UUID SENT = UUID.fromString("00000000-0000-0000-0000-000000000974");
    /** Asked 2025-02-11, open: the refusals are tried on it, so it stays open. */
    static final UUID REFUSED = UUID.fromString("00000000-0000-0000-0000-000000000975");
    static final UUID CASE = UUID.fromString("97300000-0000-0000-0000-000000000001");

    static final UUID CASE_A = UUID.fromString("97500000-0000-0000-0000-00000000000a");
    static final UUID CASE_B = UUID.fromString("97500000-0000-0000-0000-00000000000b");
    static final UUID CASE_C = UUID.fromString("97500000-0000-0000-0000-00000000000c");
    static final UUID CASE_D = UUID.fromString("97500000-0000-0000-0000-00000000000d");
    static final UUID CASE_E = UUID.fromString("97500000-0000-0000-0000-00000000000e");
    static final UUID PLAN_E = UUID.fromString("97500000-0000-0000-0000-0000000000e1");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<UUID, ObjectNode> cases = new ConcurrentHashMap<>();
    private final Map<UUID, String> drafts = new ConcurrentHashMap<>();
    private final Map<UUID, ObjectNode> requests = new ConcurrentHashMap<>();
    private final Map<UUID, ObjectNode> plansInForce = new ConcurrentHashMap<>();
    private final Map<UUID, ObjectNode> reviews = new ConcurrentHashMap<>();
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
        cases.put(CASE_A, kase(CASE_A, "C-975-A", "REQUESTED"));
        cases.put(CASE_B, kase(CASE_B, "C-975-B", "ASSESSING"));
        cases.put(CASE_C, kase(CASE_C, "C-975-C", "REQUESTED"));
        cases.put(CASE_D, kase(CASE_D, "C-975-D", "REFUSED"));
        cases.get(CASE_D).put("decision", "REFUSE").put("decisionDate", "2025-02-10");
        cases.put(CASE_E, kase(CASE_E, "C-975-E", "ASSESSING"));
        plansInForce.put(PLAN_E, JSON.createObjectNode().put("planId", PLAN_E.toString())
                .put("caseId", CASE_E.toString()).put("localAuthorityCode", "975").put("status", "IN_FORCE")
                .put("issuedDate", "2025-05-19").putNull("lastReviewMeeting").put("reviewDue", "2026-05-19")
                .put("reviewOverdue", false).putNull("openReviewId"));
        plansInForce.get(PLAN_E).putArray("reviews");
        String url = "http://localhost:" + server.getAddress().getPort();
        return Map.of("ehcp.services.advice-url", url, "ehcp.services.assessment-url", url,
                "ehcp.services.plan-url", url);
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

    /** A case of council 975 received Mon 2025-01-06: decision due 2025-02-17 (6 weeks), final plan 2025-05-26 (20). */
    private static ObjectNode kase(UUID id, String childRef, String status) {
        ObjectNode c = JSON.createObjectNode();
        c.put("caseId", id.toString()).put("localAuthorityCode", "975").put("childRef", childRef)
                .put("status", status).put("receivedDate", "2025-01-06").put("clockStart", "2025-01-06")
                .put("decisionDue", "2025-02-17").put("noPlanDecisionDue", "2025-04-28").put("finalPlanDue", "2025-05-26")
                .put("exceptionsApply", false);
        if ("ASSESSING".equals(status)) {
            c.put("decision", "ASSESS").put("decisionDate", "2025-02-10").put("yearGroup", "Y10");
            c.putArray("exceptions").addObject().put("limit", "FINAL_PLAN_20_WEEKS").put("reason", "SCHOOL_CLOSURE")
                    .put("startDate", "2025-05-06").put("endDate", "2025-06-06");
        } else {
            c.putArray("exceptions");
        }
        c.putArray("transfers");
        c.putArray("disputes");
        return c;
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        if (path.startsWith("/api/worklist") || path.startsWith("/api/cases/") || path.startsWith("/api/plans/")
                || path.startsWith("/api/reviews/")) {
            String caller = actor(x.getRequestHeaders().getFirst("Authorization"));
            last.put("actor", String.valueOf(caller));
            last.put("path", path + (x.getRequestURI().getQuery() == null ? "" : "?" + x.getRequestURI().getQuery()));
            last.remove("body");
            if (caller == null) {
                send(x, 401, problem(401, null, "sign in: every API call needs a bearer token"));
            } else if (!caller.startsWith("caseworker") && !caller.startsWith("team-manager")) {
                send(x, 403, problem(403, null, "only caseworkers"));
            } else {
                caseworkerApis(x, path);
            }
            return;
        }
        adviceApi(x);
    }

    private void caseworkerApis(HttpExchange x, String path) throws IOException {
        if (path.equals("/api/worklist")) {
            ObjectNode page = JSON.createObjectNode().put("total", 2).put("page", 0).put("size", 200)
                    .put("today", "2025-02-20");
            var rows = page.putArray("cases");
            rows.addObject().put("caseId", CASE_A.toString()).put("childRef", "C-975-A").put("status", "REQUESTED")
                    .put("nextStep", "DECISION_6_WEEKS").put("dueDate", "2025-02-17").put("daysLeft", -3)
                    .put("exceptionApplies", false).put("assignedCaseworker", "jsmith");
            rows.addObject().put("caseId", CASE_B.toString()).put("childRef", "C-975-B").put("status", "ASSESSING")
                    .put("nextStep", "FINAL_PLAN_20_WEEKS").put("dueDate", "2025-05-26").put("daysLeft", 95)
                    .put("exceptionApplies", true).putNull("assignedCaseworker");
            send(x, 200, JSON.writeValueAsString(page));
            return;
        }
        String[] parts = path.split("/");
        if (!"cases".equals(parts[2])) {
            planApis(x, parts);
            return;
        }
        UUID id = UUID.fromString(parts[3]);
        ObjectNode c = cases.get(id);
        if (c == null) {
            send(x, 404, problem(404, null, "no case " + id));
            return;
        }
        if (parts.length == 4) {
            send(x, 200, JSON.writeValueAsString(c));
            return;
        }
        if (parts.length == 5 && "advice-requests".equals(parts[4]) && "GET".equals(x.getRequestMethod())) {
            send(x, 200, "[]");
            return;
        }
        if (parts.length == 5 && "audit".equals(parts[4]) && "GET".equals(x.getRequestMethod())) {
            // team managers only, as assessment-service; case B's request recorded by jsmith (Events' 10:00 UTC)
            if (!last.get("actor").startsWith("team-manager")) {
                send(x, 403, problem(403, null, "only team managers"));
                return;
            }
            var audit = JSON.createArrayNode();
            audit.addObject().put("at", "2025-01-06T10:00:00Z").put("actor", "caseworker:jsmith").put("kind", "EVENT")
                    .put("action", "AssessmentRequested");
            audit.addObject().put("at", "2025-01-07T09:00:00Z").put("actor", "team-manager:boss")
                    .put("kind", "ASSIGNMENT").put("action", "assigned jsmith");
            send(x, 200, JSON.writeValueAsString(audit));
            return;
        }
        if (parts.length == 5 && "plan".equals(parts[4]) && "GET".equals(x.getRequestMethod())) {
            if (CASE_E.equals(id)) {
                send(x, 200, JSON.writeValueAsString(JSON.createObjectNode().put("caseId", id.toString())
                        .put("planId", PLAN_E.toString()).put("status", "FINAL").put("finalIssuedDate", "2025-05-19")));
            } else {
                send(x, 404, problem(404, null, "no draft plan issued for case " + id));
            }
            return;
        }
        var body = JSON.readTree(x.getRequestBody());
        last.put("body", JSON.writeValueAsString(body));
        switch (parts[4]) {
            case "decision" -> {
                String date = body.path("decisionDate").asText(null);
                LocalDate day;
                try {
                    day = LocalDate.parse(date);
                } catch (Exception e) {
                    send(x, 400, problem(400, "decisionDate", "decisionDate '" + date + "' is not a date as yyyy-mm-dd"));
                    return;
                }
                if (day.isBefore(LocalDate.parse("2025-01-06"))) {
                    send(x, 422, problem(422, "decisionDate", "decisionDate " + day
                            + " is before the request was received (2025-01-06)"));
                    return;
                }
                c.put("status", "ASSESSING").put("decision", body.path("decision").asText())
                        .put("decisionDate", day.toString());
                send(x, 200, JSON.writeValueAsString(c));
            }
            case "advice-requests" -> send(x, 201, "{}");
            case "transfer-in" -> {
                String from = body.path("fromLocalAuthorityCode").asText("");
                if (!from.matches("\\d{3}")) {
                    send(x, 400, problem(400, "fromLocalAuthorityCode", "must be the DfE three-digit local authority code, e.g. 850"));
                    return;
                }
                c.withArray("transfers").addObject().put("fromLocalAuthorityCode", from)
                        .put("transferDate", body.path("transferDate").asText());
                send(x, 200, JSON.writeValueAsString(c));
            }
            case "disputes" -> dispute(x, c, parts, body);
            case "draft-plan" -> {
                drafts.put(id, body.path("issuedDate").asText());
                send(x, 201, "{}");
            }
            case "final-plan" -> {
                if (!drafts.containsKey(id)) {
                    send(x, 422, problem(422, null, "a final plan needs the draft plan first: no draft issued for case "
                            + id));
                    return;
                }
                send(x, 200, "{}");
            }
            default -> send(x, 404, problem(404, null, "no such route"));
        }
    }

    /** A dispute (POST .../disputes) or its outcome (POST .../disputes/{id}/outcome), not before its registration. */
    private void dispute(HttpExchange x, ObjectNode c, String[] parts, com.fasterxml.jackson.databind.JsonNode body)
            throws IOException {
        if (parts.length == 5) {
            c.withArray("disputes").addObject().put("disputeId", UUID.randomUUID().toString())
                    .put("kind", body.path("kind").asText()).put("stage", body.path("stage").asText())
                    .put("registeredDate", body.path("registeredDate").asText()).putNull("outcome").putNull("outcomeDate");
            send(x, 201, JSON.writeValueAsString(c));
            return;
        }
        for (var d : c.withArray("disputes")) {
            if (d.path("disputeId").asText().equals(parts[5])) {
                String date = body.path("outcomeDate").asText();
                if (date.compareTo(d.path("registeredDate").asText()) < 0) {
                    send(x, 422, problem(422, "outcomeDate", "outcomeDate " + date + " is before the dispute was"
                            + " registered (" + d.path("registeredDate").asText() + ")"));
                    return;
                }
                ((ObjectNode) d).put("outcome", body.path("outcome").asText()).put("outcomeDate", date);
                send(x, 200, JSON.writeValueAsString(c));
                return;
            }
        }
        send(x, 404, problem(404, null, "no dispute " + parts[5]));
    }

    /**
     * Plan E in force and its reviews: a meeting opens a review (AWAITING_DECISION); KEEP or CEASE closes it, AMEND
     * waits for the amended plan, which must come after the family's 15 days from the decision.
     */
    private void planApis(HttpExchange x, String[] parts) throws IOException {
        boolean get = "GET".equals(x.getRequestMethod());
        if ("plans".equals(parts[2])) {
            ObjectNode plan = plansInForce.get(UUID.fromString(parts[3]));
            if (plan == null) {
                send(x, 404, problem(404, null, "no plan in force " + parts[3]));
            } else if (get && parts.length == 4) {
                send(x, 200, JSON.writeValueAsString(plan));
            } else if (!get && parts.length == 5 && "reviews".equals(parts[4])) {
                var body = JSON.readTree(x.getRequestBody());
                last.put("body", JSON.writeValueAsString(body));
                UUID reviewId = UUID.randomUUID();
                ObjectNode review = plan.withArray("reviews").addObject().put("reviewId", reviewId.toString())
                        .put("status", "AWAITING_DECISION").put("meetingDate", body.path("meetingDate").asText())
                        .put("decisionDue", LocalDate.parse(body.path("meetingDate").asText()).plusWeeks(4).toString())
                        .putNull("outcome").putNull("decidedDate");
                reviews.put(reviewId, review);
                plan.put("openReviewId", reviewId.toString()).put("lastReviewMeeting", body.path("meetingDate").asText());
                send(x, 201, JSON.writeValueAsString(review));
            } else if ("PUT".equals(x.getRequestMethod()) && parts.length == 5 && "sen-needs".equals(parts[4])) {
                // as plan-service: a need named twice is refused on its index
                var body = JSON.readTree(x.getRequestBody());
                last.put("body", JSON.writeValueAsString(body));
                var needs = body.path("needs");
                if (needs.size() == 2 && needs.get(0).equals(needs.get(1))) {
                    send(x, 400, problem(400, "needs[1]", needs.get(1).asText() + " is named twice: each type of need"
                            + " has one rank"));
                    return;
                }
                send(x, 200, JSON.writeValueAsString(JSON.createObjectNode().put("planId", parts[3])
                        .put("effectiveDate", body.path("effectiveDate").asText()).set("needs", needs)));
            } else {
                send(x, 404, problem(404, null, "no such route"));
            }
            return;
        }
        ObjectNode review = reviews.get(UUID.fromString(parts[3]));
        if (review == null || get || parts.length != 5) {
            send(x, 404, problem(404, null, "no such review or route"));
            return;
        }
        var body = JSON.readTree(x.getRequestBody());
        last.put("body", JSON.writeValueAsString(body));
        ObjectNode plan = plansInForce.get(PLAN_E);
        if ("decision".equals(parts[4])) {
            String outcome = body.path("outcome").asText();
            review.put("outcome", outcome).put("decidedDate", body.path("decidedDate").asText())
                    .put("status", "AMEND".equals(outcome) ? "AWAITING_AMENDED_PLAN" : "DECIDED");
            if (!"AMEND".equals(outcome)) {
                plan.putNull("openReviewId");
            }
            send(x, 200, JSON.writeValueAsString(review));
        } else if ("amended-plan".equals(parts[4])) {
            LocalDate commentsEnd = LocalDate.parse(review.path("decidedDate").asText()).plusDays(15);
            String issued = body.path("issuedDate").asText();
            if (!LocalDate.parse(issued).isAfter(commentsEnd)) {
                send(x, 422, problem(422, "issuedDate", "issuedDate " + issued + " is within the family's 15 days"
                        + " on the proposal (to " + commentsEnd + ")"));
                return;
            }
            review.put("status", "AMENDED");
            plan.putNull("openReviewId");
            send(x, 200, JSON.writeValueAsString(review));
        } else {
            send(x, 404, problem(404, null, "no such route"));
        }
    }

    private void adviceApi(HttpExchange x) throws IOException {
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
