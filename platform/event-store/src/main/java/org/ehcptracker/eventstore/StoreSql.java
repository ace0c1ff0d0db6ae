package org.ehcptracker.eventstore;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Where {@link EventStore}'s SQL runs: a Hibernate Reactive session (the services, so the append shares
 * the transaction of their entities) or a Vert.x client (the relay's tests, tools). The SQL uses
 * {@code ?1, ?2...} placeholders and returns every column as text, so both give the same rows.
 */
@FunctionalInterface
interface StoreSql {

    Pattern PLACEHOLDER = Pattern.compile("\\?(\\d+)");

    /** Runs {@code sql} with {@code params} as ?1, ?2...; each row as its columns' text. */
    Uni<List<String[]>> query(String sql, Object... params);

    static StoreSql of(Mutiny.Session session) {
        java.util.Objects.requireNonNull(session, "session");
        return (sql, params) -> {
            Mutiny.SelectionQuery<Object> query = session.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.getResultList().map(StoreSql::texts);
        };
    }

    static StoreSql of(SqlClient client) {
        java.util.Objects.requireNonNull(client, "client");
        return (sql, params) -> client.preparedQuery(PLACEHOLDER.matcher(sql).replaceAll("\\$$1"))
                .execute(Tuple.from(params))
                .map(rows -> {
                    List<String[]> out = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        String[] columns = new String[row.size()];
                        for (int c = 0; c < columns.length; c++) {
                            columns[c] = row.getString(c);
                        }
                        out.add(columns);
                    }
                    return out;
                });
    }

    private static List<String[]> texts(List<Object> rows) {
        List<String[]> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = row instanceof Object[] array ? array : new Object[] {row};
            String[] texts = new String[columns.length];
            for (int c = 0; c < columns.length; c++) {
                texts[c] = columns[c] == null ? null : columns[c].toString();
            }
            out.add(texts);
        }
        return out;
    }
}
