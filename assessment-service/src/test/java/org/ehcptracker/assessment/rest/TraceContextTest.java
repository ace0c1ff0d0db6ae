package org.ehcptracker.assessment.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.api;
import static org.ehcptracker.assessment.rest.AssessmentCaseResourceTest.requestBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * The command's trace reaches the topic (issue 14): the event's metadata keeps the W3C traceparent of the command's
 * span, and the relay writes it as the record's {@code traceparent} header (plan-service's TraceContinuationTest shows
 * a consumer continuing from that header). The caller's own traceparent makes the trace id known in advance.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
class TraceContextTest {

    @Inject
    Pool pool;

    @Test
    void a_commands_trace_id_is_in_its_events_metadata_and_in_the_records_traceparent_header() {
        UUID caseId = UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        api().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").body(requestBody(caseId))
                .post("/api/cases").then().statusCode(201);

        String metadata = pool.preparedQuery("select metadata::text from event where stream_id = $1").execute(Tuple.of(caseId))
                .await().indefinitely().iterator().next().getString(0);
        assertThat(metadata).contains("\"traceparent\": \"00-" + traceId + "-").contains("\"actor\": \"caseworker:jsmith\"");
        String storedSpan = metadata.replaceAll(".*\"traceparent\": \"00-[0-9a-f]{32}-([0-9a-f]{16})-01\".*", "$1");
        assertThat(storedSpan).as("the command's own span, child of the caller's").matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");

        ConsumerRecord<String, String> record = AssessmentTopic.records(caseId, 1).get(0);
        Header traceparent = record.headers().lastHeader("traceparent");
        assertThat(traceparent).isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).isEqualTo("00-" + traceId + "-" + storedSpan + "-01");
    }

    @Test
    void a_command_without_a_caller_trace_starts_its_own_and_still_passes_it_on() {
        UUID caseId = UUID.randomUUID();

        api().body(requestBody(caseId)).post("/api/cases").then().statusCode(201);

        ConsumerRecord<String, String> record = AssessmentTopic.records(caseId, 1).get(0);
        Header traceparent = record.headers().lastHeader("traceparent");
        assertThat(traceparent).isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }
}
