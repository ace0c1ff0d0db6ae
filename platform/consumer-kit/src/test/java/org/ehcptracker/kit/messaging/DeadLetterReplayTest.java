package org.ehcptracker.kit.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.UUID;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.kit.persistence.Transactions;
import org.ehcptracker.testtokens.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A poison record parked, then replayed by an operator after the fix, through the operations endpoint, against a
 * real PostgreSQL: still failing it stays with the new error; fixed it is applied once and leaves the table.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "consumer_kit"))
class DeadLetterReplayTest {

    static final String ADMIN = TestTokens.bearer("admin:ops");
    static final String PATH = "/api/operations/dead-letters";

    @Inject
    PoisonableConsumer poisonable;

    @Inject
    IdempotentConsumer consumer;

    @AfterEach
    void fixed() {
        PoisonableConsumer.broken = false;
    }

    String poisonRecord(UUID caseId) {
        UUID eventId = UUID.randomUUID();
        IntegrationEvent event = ProcessedEventsTest.freshEvent(eventId, caseId); // council 839
        PoisonableConsumer.broken = true;
        ProcessedEventsTest.onVertx(() -> poisonable.on(new EventJson().write(event))).join();
        return eventId.toString();
    }

    int counter(UUID caseId) {
        DemoCounter c = ProcessedEventsTest.onVertx(() -> Transactions.inSession(s -> DemoCounter.<DemoCounter>findById(caseId))).join();
        return c == null ? 0 : c.events;
    }

    @Test
    void a_poison_record_is_listed_stays_parked_while_broken_and_is_applied_once_after_the_fix() {
        UUID caseId = UUID.randomUUID();
        String eventId = poisonRecord(caseId);
        assertThat(counter(caseId)).isZero();

        given().header("Authorization", ADMIN).when().get(PATH).then().statusCode(200)
                .body("eventId", hasItem(eventId))
                .body("find { it.eventId == '" + eventId + "' }.consumer", equalTo("poisonable"))
                .body("find { it.eventId == '" + eventId + "' }.type", equalTo("AssessmentRequested"))
                .body("find { it.eventId == '" + eventId + "' }.localAuthorityCode", equalTo("839"));

        // replayed before the fix: still parked, with the error of this attempt
        given().header("Authorization", ADMIN).when().post(PATH + "/poisonable/" + eventId + "/replay")
                .then().statusCode(200).body("applied", equalTo(false))
                .body("error", org.hamcrest.Matchers.containsString("a value this version cannot store"));
        assertThat(counter(caseId)).isZero();

        PoisonableConsumer.broken = false;
        given().header("Authorization", ADMIN).when().post(PATH + "/poisonable/" + eventId + "/replay")
                .then().statusCode(200).body("applied", equalTo(true));
        assertThat(counter(caseId)).isEqualTo(1);
        given().header("Authorization", ADMIN).when().get(PATH).then().statusCode(200)
                .body("eventId", not(hasItem(eventId)));

        // replayed again: nothing parked any more; a redelivery from Kafka changes nothing either
        given().header("Authorization", ADMIN).when().post(PATH + "/poisonable/" + eventId + "/replay")
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(counter(caseId)).isEqualTo(1);
    }

    @Test
    void who_may_see_and_replay_and_the_bad_requests() {
        String eventId = poisonRecord(UUID.randomUUID());
        PoisonableConsumer.broken = false;
        String replay = PATH + "/poisonable/" + eventId + "/replay";

        given().when().get(PATH).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("caseworker:c1")).when().post(replay)
                .then().statusCode(403).contentType("application/problem+json");
        // an administrator of another council neither sees nor replays council 839's event
        String otherAdmin = TestTokens.as("admin:other").councils("873").bearer();
        given().header("Authorization", otherAdmin).when().get(PATH).then().statusCode(200)
                .body("eventId", not(hasItem(eventId)));
        given().header("Authorization", otherAdmin).when().post(replay)
                .then().statusCode(403).contentType("application/problem+json");

        given().header("Authorization", ADMIN).when().post(PATH + "/poisonable/not-a-uuid/replay")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("eventId"));
        given().header("Authorization", ADMIN).when().post(PATH + "/poisonable/" + UUID.randomUUID() + "/replay")
                .then().statusCode(404).contentType("application/problem+json");

        // parked under a consumer no bean of this service replays: 422 naming the field
        UUID orphan = UUID.randomUUID();
        ProcessedEventsTest.onVertx(() -> consumer.once("orphan", ProcessedEventsTest.freshEvent(orphan, UUID.randomUUID()),
                s -> Uni.createFrom().failure(new IllegalStateException("for ever")))).join();
        given().header("Authorization", ADMIN).when().post(PATH + "/orphan/" + orphan + "/replay")
                .then().statusCode(422).contentType("application/problem+json").body("field", equalTo("consumer"));

        // still parked after all the refused attempts, and applied by the one allowed
        given().header("Authorization", ADMIN).when().post(replay).then().statusCode(200).body("applied", equalTo(true));
    }
}
