package org.ehcptracker.reporting.rebuild.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The schemas the read models live in and the one transaction that swaps a rebuilt set for the live one
 * (docs/reporting.md, "Rebuilding the read models"). Plain SQL on the reactive pool: DDL, not entities.
 */
@ApplicationScoped
public class ReadModelSchemas {

    /**
     * Tables a rebuild also has that are NOT moved: Flyway's history (each schema's own record of what ran there;
     * public's stays true because the rebuild ran the same scripts) and the dead letters (the live service's parked
     * records wait for an operator's replay; a rebuild parks the same records again, in its own schema, dropped
     * with it).
     */
    static final Set<String> STAYING = Set.of("flyway_schema_history", "dead_letter");

    /** Locked first: every projection transaction writes its processed_event row before its read model's row. */
    static final String GUARD = "processed_event";

    /** One switch at a time across instances (a transaction-scoped advisory lock). */
    static final String SWITCH_LOCK = "select pg_try_advisory_xact_lock(hashtext('reporting-read-model-switch')) as got";

    private final Pool pool;

    public ReadModelSchemas(Pool pool) {
        this.pool = pool;
    }

    public Uni<Boolean> exists(String schema) {
        return pool.preparedQuery("select count(*) as n from information_schema.schemata where schema_name = $1")
                .execute(Tuple.of(schema)).map(rows -> rows.iterator().next().getLong("n") > 0);
    }

    /** The schema's tables that are read models (all but {@link #STAYING}), the guard first, then by name. */
    public Uni<List<String>> readModelTables(String schema) {
        return pool.preparedQuery("""
                        select table_name from information_schema.tables
                        where table_schema = $1 and table_type = 'BASE TABLE'
                        order by (table_name = 'processed_event') desc, table_name""")
                .execute(Tuple.of(schema))
                .map(rows -> {
                    List<String> tables = new ArrayList<>();
                    for (Row row : rows) {
                        String table = row.getString("table_name");
                        if (!STAYING.contains(table)) {
                            tables.add(table);
                        }
                    }
                    return tables;
                });
    }

    /** "table.column type" for each column of {@code tables} in {@code schema}: the shape both sides must share. */
    public Uni<List<String>> shape(String schema, List<String> tables) {
        return pool.preparedQuery("""
                        select table_name || '.' || column_name || ' ' || data_type as col
                        from information_schema.columns where table_schema = $1 and table_name = any($2)
                        order by table_name, column_name""")
                .execute(Tuple.of(schema, tables.toArray(String[]::new)))
                .map(rows -> {
                    List<String> columns = new ArrayList<>();
                    rows.forEach(r -> columns.add(r.getString("col")));
                    return columns;
                });
    }

    /**
     * In ONE transaction: takes the switch lock (false: another switch holds it, nothing done); holds the live
     * tables in SHARE mode (the live projections' writes wait, the board's reads go on); runs {@code whileHeld}
     * (the wait for the rebuild's offsets: its failure rolls everything back); then moves each live table to
     * {@code retired} and each rebuilt one to {@code public}. DDL is transactional in PostgreSQL, so the board sees
     * the old tables or the new ones, never a mix. Names are identifiers checked by the caller
     * ({@code rebuild_<n>}, {@code retired_<n>}) and table names read from the catalogue.
     */
    public <T> Uni<Boolean> swap(String rebuild, String retired, List<String> tables, Duration lockTimeout,
                                 Supplier<Uni<T>> whileHeld) {
        return pool.withTransaction(conn -> conn.query(SWITCH_LOCK).execute()
                .map(rows -> rows.iterator().next().getBoolean("got"))
                .chain(got -> !got ? Uni.createFrom().item(false)
                        : run(conn, "set local lock_timeout = '" + lockTimeout.toMillis() + "ms'")
                                .chain(() -> run(conn, "lock table " + qualified("public", tables) + " in share mode"))
                                .chain(() -> whileHeld.get())
                                .chain(() -> run(conn, "create schema " + quote(retired)))
                                .chain(() -> run(conn, "lock table " + qualified(rebuild, tables)
                                        + " in access exclusive mode"))
                                .chain(() -> moveAll(conn, tables, t -> "alter table public." + quote(t)
                                        + " set schema " + quote(retired)))
                                .chain(() -> moveAll(conn, tables, t -> "alter table " + quote(rebuild) + "."
                                        + quote(t) + " set schema public"))
                                .replaceWith(true)));
    }

    /** Drops a schema and what is left in it; a schema already gone is no failure. */
    public Uni<Void> drop(String schema) {
        return pool.query("drop schema if exists " + quote(schema) + " cascade").execute().replaceWithVoid();
    }

    private static Uni<Void> moveAll(SqlConnection conn, List<String> tables, Function<String, String> statement) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String table : tables) {
            chain = chain.chain(() -> run(conn, statement.apply(table)));
        }
        return chain;
    }

    private static Uni<Void> run(SqlConnection conn, String sql) {
        return conn.query(sql).execute().replaceWithVoid();
    }

    private static String qualified(String schema, List<String> tables) {
        return String.join(", ", tables.stream().map(t -> quote(schema) + "." + quote(t)).toList());
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
