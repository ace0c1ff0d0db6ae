package org.ehcptracker.eventstore;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import org.ehcptracker.devinfra.TestInfra;
import org.flywaydb.core.Flyway;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/** A fresh database with the event-store migrations applied, and a Mutiny pool on it. */
final class TestDatabase implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static Vertx vertx;

    final String name;
    final Pool pool;

    private TestDatabase(String name, Pool pool) {
        this.name = name;
        this.pool = pool;
    }

    static synchronized Vertx vertx() {
        if (vertx == null) {
            vertx = Vertx.vertx();
        }
        return vertx;
    }

    static TestDatabase create(String prefix) {
        TestInfra infra = TestInfra.get();
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        Flyway.configure()
                .dataSource(infra.jdbcUrl(name), infra.username(), infra.password())
                .locations("classpath:db/event-store")
                .load()
                .migrate();
        PgConnectOptions options = PgConnectOptions.fromUri(infra.reactiveUrl(name))
                .setUser(infra.username())
                .setPassword(infra.password());
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(20))
                .connectingTo(options)
                .using(vertx())
                .build();
        // first Mutiny use on this thread: SmallRye context propagation initialises itself unsafely when
        // several threads race to do it (ContextManagerProvider already set); Quarkus apps do it at boot
        pool.query("select 1").execute().await().atMost(TIMEOUT);
        return new TestDatabase(name, pool);
    }

    void execute(String sql) {
        pool.query(sql).execute().await().atMost(TIMEOUT);
    }

    long count(String sql) {
        return pool.query(sql).execute().await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    @Override
    public void close() {
        pool.close().await().atMost(TIMEOUT);
    }
}
