package org.ehcptracker.devinfra;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource backed by the JVM-wide {@link TestInfra}:
 * {@code @QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))}.
 *
 * <p>{@link #start()} returns {@code quarkus.datasource.jdbc.url}, {@code quarkus.datasource.reactive.url},
 * {@code quarkus.datasource.username}, {@code quarkus.datasource.password}, {@code kafka.bootstrap.servers} and
 * {@code quarkus.devservices.enabled=false}. The database (default {@value #DEFAULT_DATABASE}) is created if missing.
 * {@link #stop()} leaves the servers running: they are shared by the whole JVM and stopped at its exit.
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String DATABASE_ARG = "database";
    public static final String DEFAULT_DATABASE = "app";

    private String database = DEFAULT_DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        String db = initArgs == null ? null : initArgs.get(DATABASE_ARG);
        if (db != null && !db.isBlank()) {
            database = db.trim();
        }
    }

    @Override
    public Map<String, String> start() {
        return TestInfra.quarkusProperties(TestInfra.get(), database);
    }

    @Override
    public void stop() {
        // shared per JVM: stopped by TestInfra's shutdown hook
    }
}
