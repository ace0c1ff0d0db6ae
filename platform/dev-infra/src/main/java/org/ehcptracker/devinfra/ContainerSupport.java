package org.ehcptracker.devinfra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The only class that touches Testcontainers (an optional dependency). {@link TestInfra} loads it only after
 * checking that the classes are present.
 */
final class ContainerSupport {
    private ContainerSupport() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    @SuppressWarnings("resource")
    static TestInfra.Pg startPostgres() {
        PostgreSQLContainer<?> c = new PostgreSQLContainer<>("postgres:17-alpine")
            .withUsername("postgres").withPassword("postgres").withDatabaseName("postgres");
        c.start();
        return new TestInfra.Pg(c.getHost(), c.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT), "postgres",
            "postgres", "testcontainers", c::stop);
    }

    @SuppressWarnings("resource")
    static TestInfra.Kafka startKafka() {
        KafkaContainer c = new KafkaContainer("apache/kafka:4.1.2");
        c.start();
        return new TestInfra.Kafka(c.getBootstrapServers(), "testcontainers", c::stop);
    }
}
