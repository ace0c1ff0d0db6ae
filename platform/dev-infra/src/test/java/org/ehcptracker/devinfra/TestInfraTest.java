package org.ehcptracker.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TestInfraTest {

    @Test
    void postgresAcceptsTablesInOnDemandDatabases() throws Exception {
        TestInfra infra = TestInfra.get();
        assertThat(TestInfra.get()).isSameAs(infra);
        String url = infra.jdbcUrl("assessment_test");
        assertThat(url).startsWith("jdbc:postgresql://").endsWith("/assessment_test");
        assertThat(infra.reactiveUrl("assessment_test")).isEqualTo(url.substring("jdbc:".length()));
        try (Connection c = DriverManager.getConnection(url, infra.username(), infra.password());
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS t (id int primary key, v text)");
            st.execute("INSERT INTO t VALUES (1, 'one') ON CONFLICT (id) DO UPDATE SET v = excluded.v");
            try (ResultSet rs = st.executeQuery("SELECT v, current_database() FROM t WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("one");
                assertThat(rs.getString(2)).isEqualTo("assessment_test");
            }
        }
        // a second database is separate
        try (Connection c = DriverManager.getConnection(infra.jdbcUrl("advice_test"), infra.username(),
                infra.password()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 't'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void kafkaDeliversAProducedRecordToAConsumer() throws Exception {
        TestInfra infra = TestInfra.get();
        String topic = "infra-" + UUID.randomUUID();
        Clients.send(infra.kafkaBootstrapServers(), topic, "k", "hello");
        List<ConsumerRecord<String, String>> got = Clients.readAll(infra.kafkaBootstrapServers(), topic, 1,
            Duration.ofSeconds(30));
        assertThat(got).extracting(ConsumerRecord::value).containsExactly("hello");
    }

    @Test
    void testResourceReturnsTheQuarkusProperties() {
        InfraTestResource r = new InfraTestResource();
        r.init(Map.of("database", "plan_test"));
        Map<String, String> props = r.start();
        TestInfra infra = TestInfra.get();
        assertThat(props).containsEntry("quarkus.datasource.jdbc.url", infra.jdbcUrl("plan_test"))
            .containsEntry("quarkus.datasource.reactive.url", infra.reactiveUrl("plan_test"))
            .containsEntry("quarkus.datasource.username", infra.username())
            .containsEntry("quarkus.datasource.password", infra.password())
            .containsEntry("kafka.bootstrap.servers", infra.kafkaBootstrapServers())
            .containsEntry("quarkus.devservices.enabled", "false");
        r.stop();
    }
}
