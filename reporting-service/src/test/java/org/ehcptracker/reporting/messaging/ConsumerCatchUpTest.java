package org.ehcptracker.reporting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** When a consumer counts as caught up for readiness (bound: 1,000 records). */
class ConsumerCatchUpTest {

    static final long MAX_LAG = 1000;

    @Test
    void noPartitionsAssignedIsNotCaughtUp() {
        // just after a restart the group has not given this instance anything yet: its tables are stale
        var consumer = new ConsumerCatchUp("assessment-events", Map.of());

        assertThat(consumer.caughtUp(MAX_LAG)).isFalse();
        assertThat(consumer.worstLag()).isEqualTo(-1);
        assertThat(consumer.describe()).isEqualTo("no partitions assigned");
    }

    @Test
    void aPartitionWhoseLagIsNotKnownYetIsNotCaughtUp() {
        // assigned, but no fetch has answered for partition 1 yet
        var consumer = new ConsumerCatchUp("assessment-events", Map.of(
                "ehcp.assessment.events-0", OptionalLong.of(0), "ehcp.assessment.events-1", OptionalLong.empty()));

        assertThat(consumer.caughtUp(MAX_LAG)).isFalse();
        assertThat(consumer.describe()).isEqualTo("2 partitions, lag not known yet");
    }

    @Test
    void onePartitionBeyondTheBoundIsNotCaughtUp() {
        var consumer = new ConsumerCatchUp("plan-events", Map.of(
                "ehcp.plan.events-0", OptionalLong.of(3), "ehcp.plan.events-1", OptionalLong.of(1001)));

        assertThat(consumer.caughtUp(MAX_LAG)).isFalse();
        assertThat(consumer.worstLag()).isEqualTo(1001);
        assertThat(consumer.describe()).isEqualTo("2 partitions, lag 1001");
    }

    @Test
    void everyPartitionWithinTheBoundIsCaughtUp() {
        // the bound itself is still within it
        var consumer = new ConsumerCatchUp("advice-events", Map.of(
                "ehcp.advice.events-0", OptionalLong.of(1000), "ehcp.advice.events-1", OptionalLong.of(0)));

        assertThat(consumer.caughtUp(MAX_LAG)).isTrue();
        assertThat(consumer.describe()).isEqualTo("2 partitions, lag 1000");
    }

    @Test
    void onePartitionIsSingular() {
        assertThat(new ConsumerCatchUp("c", Map.of("t-0", OptionalLong.of(0))).describe()).isEqualTo("1 partition, lag 0");
    }
}
