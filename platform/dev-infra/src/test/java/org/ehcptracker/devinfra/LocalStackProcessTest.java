package org.ehcptracker.devinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackProcessTest {

    @Test
    void kafkaChildProcessAcceptsARecordAndStops(@TempDir Path dir) throws Exception {
        int port = FreePort.find();
        int controllerPort = FreePort.find();
        LocalStackProcess kafka = LocalStackProcess.start(List.of("kafka", "--port", Integer.toString(port),
            "--controller-port", Integer.toString(controllerPort), "--data-dir", dir.toString()));
        try {
            assertThat(kafka.readyLine()).isEqualTo("READY kafka localhost:" + port);
            assertThat(kafka.isAlive()).isTrue();
            Clients.send(kafka.address(), "child", "k", "from-test");
            List<ConsumerRecord<String, String>> got = Clients.readAll(kafka.address(), "child", 1,
                Duration.ofSeconds(30));
            assertThat(got).extracting(ConsumerRecord::value).containsExactly("from-test");
        } finally {
            kafka.stop();
        }
        assertThat(kafka.isAlive()).isFalse();
        assertThat(kafka.process().exitValue()).isIn(0, 143); // clean stop via shutdown hook
        assertThat(FreePort.isListening(port)).isFalse();
    }

    @Test
    void postgresChildProcessKeepsItsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        int port = FreePort.find();
        List<String> args = List.of("postgres", "--port", Integer.toString(port), "--data-dir",
            dir.resolve("pg").toString(), "--databases", "assessment,advice");
        LocalStackProcess pg = LocalStackProcess.start(args);
        try {
            assertThat(pg.readyLine()).isEqualTo("READY postgres jdbc:postgresql://localhost:" + port + "/");
            try (Connection c = DriverManager.getConnection(pg.address() + "advice", "postgres", "postgres");
                    Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (v text)");
                st.execute("INSERT INTO kept VALUES ('still here')");
            }
        } finally {
            pg.stop();
        }
        assertThat(pg.isAlive()).isFalse();
        assertThat(FreePort.isListening(port)).isFalse();

        LocalStackProcess again = LocalStackProcess.start(args);
        try (Connection c = DriverManager.getConnection(again.address() + "advice", "postgres", "postgres");
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        } finally {
            again.stop();
        }
    }
}
