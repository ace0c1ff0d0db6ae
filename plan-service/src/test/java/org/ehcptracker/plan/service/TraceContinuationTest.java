package org.ehcptracker.plan.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.devinfra.InfraTestResource;
import org.junit.jupiter.api.Test;

/**
 * The consumer continues the command's trace (issue 14): a record carrying a W3C {@code traceparent} header (as the
 * relay writes it from the event's metadata; assessment-service's TraceContextTest shows that half) is processed in a
 * span of the same trace, child of the span the header names.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "plan"))
class TraceContinuationTest extends PlanServiceTestSupport {

    @Inject
    RecordedSpans spans;

    @Test
    void the_consumers_span_is_in_the_trace_the_records_traceparent_names() {
        UUID caseId = UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String commandSpanId = "00f067aa0ba902b7";
        RecordHeaders headers = new RecordHeaders();
        headers.add(new RecordHeader("traceparent", ("00-" + traceId + "-" + commandSpanId + "-01").getBytes(StandardCharsets.UTF_8)));
        String requested = example("AssessmentRequested", caseId, Map.of("businessDate", "2025-03-03")).toString();
        kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.ASSESSMENT_EVENTS, null, caseId.toString(), requested, headers))
                .awaitCompletion(PATIENCE);

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<SpanData> consumed = spans.all().stream()
                    .filter(s -> s.getName().equals("plan-service.assessment-case process")).filter(s -> s.getTraceId().equals(traceId))
                    .toList();
            assertThat(consumed).hasSize(1);
            assertThat(consumed.get(0).getParentSpanId()).isEqualTo(commandSpanId);
            assertThat(consumed.get(0).getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(assessmentCase(caseId)).isPresent();
        });
    }
}
