package org.ehcptracker.advice.it;

import org.ehcptracker.testtokens.TestTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ehcptracker.advice.it.Fixtures.WAIT;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ehcptracker.advice.app.ReminderOutbox;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.VertxContexts;
import org.junit.jupiter.api.Test;

/**
 * Reminders (issue 8 item 8) sent through quarkus-mailer to a real SMTP server (GreenMail, read through its
 * REST API), with the day driven by the test. Council 869 is this class's own.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "advice"))
@QuarkusTestResource(GreenMailTestResource.class)
class ReminderApiTest {

    static final String COUNCIL = "869";

    @Inject
    Pool pool;

    @Inject
    ReminderOutbox outbox;

    static List<JsonNode> received(String address) throws Exception {
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(GreenMailTestResource.api() + "/api/user/" + address + "/messages/INBOX")).build(),
                HttpResponse.BodyHandlers.ofString());
        List<JsonNode> messages = new ArrayList<>();
        if (answer.statusCode() == 200) {
            Fixtures.read(answer.body()).forEach(messages::add);
        }
        return messages;
    }

    static int roundOn(ReminderOutbox outbox, LocalDate today) {
        Instant now = today.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC);
        return VertxContexts.onNewContext(() -> outbox.plan(today, now).chain(() -> outbox.send(now))).join();
    }

    /**
     * Requested 11 April 2025, due 23 May (11 April + 42 days). Reminders 7 days before (16 May), on the day
     * (23 May), then weekly while open (30 May: 7 days late; 6 June: 14 days late).
     */
    @Test
    void reminders_go_once_at_their_offsets_naming_what_is_due_by_when_and_how_late() throws Exception {
        String agency = "869-" + UUID.randomUUID().toString().substring(0, 8);
        String address = agency.toLowerCase() + "@agency869.example";
        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("admin:directory-admin"))
                .body(Map.of("agencyId", agency, "name", "EP Service 869", "adviceTypes", List.of("EDUCATIONAL_PSYCHOLOGY"),
                        "contactEmail", address))
                .when().post("/api/councils/{la}/agencies", COUNCIL).then().statusCode(201);
        UUID caseId = UUID.randomUUID();
        Fixtures.caseAcceptedForAssessment(pool, caseId, COUNCIL);
        String id = given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("caseworker:jsmith"))
                .body(Map.of("adviceType", "EDUCATIONAL_PSYCHOLOGY", "agencyId", agency, "requestedDate", "2025-04-11"))
                .when().post("/api/cases/{caseId}/advice-requests", caseId).then().statusCode(201)
                .extract().path("adviceRequestId");

        roundOn(outbox, LocalDate.of(2025, 5, 15));     // 8 days before: nothing owed yet
        assertThat(received(address)).isEmpty();

        roundOn(outbox, LocalDate.of(2025, 5, 16));
        roundOn(outbox, LocalDate.of(2025, 5, 16));     // the same day again: nothing more
        roundOn(outbox, LocalDate.of(2025, 5, 20));     // still the same "due soon"
        await().atMost(WAIT).until(() -> received(address).size() == 1);
        JsonNode soon = received(address).get(0);
        assertThat(soon.get("subject").asText())
                .isEqualTo("Advice due on 2025-05-23: EDUCATIONAL_PSYCHOLOGY advice for case C-7Q4M2K");

        roundOn(outbox, LocalDate.of(2025, 5, 23));
        roundOn(outbox, LocalDate.of(2025, 5, 30));
        roundOn(outbox, LocalDate.of(2025, 6, 2));      // between two weekly notices: nothing
        await().atMost(WAIT).until(() -> received(address).size() == 3);
        List<String> subjects = received(address).stream().map(m -> m.get("subject").asText()).toList();
        assertThat(subjects).containsExactly(
                "Advice due on 2025-05-23: EDUCATIONAL_PSYCHOLOGY advice for case C-7Q4M2K",
                "Advice due today, 2025-05-23: EDUCATIONAL_PSYCHOLOGY advice for case C-7Q4M2K",
                "Advice overdue by 7 days (due 2025-05-23): EDUCATIONAL_PSYCHOLOGY advice for case C-7Q4M2K");
        String overdue = received(address).get(2).get("mimeMessage").asText();
        assertThat(overdue).contains("is 7 days late").contains(id).contains("EP Service 869");

        long rows = pool.preparedQuery("select count(*) as n from reminder where advice_request_id = $1 and status = 'SENT'")
                .execute(Tuple.of(UUID.fromString(id))).await().atMost(WAIT).iterator().next().getLong("n");
        assertThat(rows).isEqualTo(3);

        // answered: no more notices
        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer("agency:" + agency)).body(Map.of("submittedDate", "2025-06-03"))
                .when().post("/api/advice-requests/{id}/submission", id).then().statusCode(200);
        roundOn(outbox, LocalDate.of(2025, 6, 6));
        Thread.sleep(1000);
        assertThat(received(address)).hasSize(3);
    }
}
