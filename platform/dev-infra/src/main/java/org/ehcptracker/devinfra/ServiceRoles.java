package org.ehcptracker.devinfra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * One login role per service, owning that service's database and able to connect to no other: a leaked service
 * password exposes one service's data, not every child's. (How long any transaction may stay open is the server's
 * setting, for every role: {@link EmbeddedPostgresServer.TransactionLimits}.)
 */
public final class ServiceRoles {
    private ServiceRoles() {
    }

    /**
     * For each database (created if missing) a role of the same name with the given password: it owns the database
     * and every object already in it (a data directory from before the roles were created), and CONNECT is revoked
     * from everyone else. Idempotent; a changed password is applied.
     */
    public static void apply(EmbeddedPostgresServer server, Map<String, String> passwordByDatabase) {
        server.createDatabases(passwordByDatabase.keySet().stream().sorted().toList());
        try (Connection c = server.superuserConnection("postgres")) {
            for (var e : passwordByDatabase.entrySet()) {
                String role = e.getKey();
                if (!exists(c, role)) {
                    PasswordAuthentication.execute(c, "select format('create role %I', ?::text)", role);
                }
                PasswordAuthentication.setPassword(c, role, e.getValue());
                PasswordAuthentication.execute(c, "select format('alter database %I owner to %I', ?::text, ?::text)", role, role);
                PasswordAuthentication.execute(c, "select format('revoke connect, temporary on database %I from public', ?::text)", role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the services' PostgreSQL roles", e);
        }
        for (String database : passwordByDatabase.keySet()) {
            handOver(server, database);
        }
    }

    private static boolean exists(Connection c, String role) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Objects created before the role existed (by the superuser) pass to the database's own role. */
    private static void handOver(EmbeddedPostgresServer server, String database) {
        try (Connection c = server.superuserConnection(database)) {
            PasswordAuthentication.execute(c, """
                select format($do$
                  do $body$ declare r record; begin
                    for r in select c.relname, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                             where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm')
                               and pg_get_userbyid(c.relowner) <> %1$L loop
                      execute case when r.relkind = 'v' then format('alter view public.%%I owner to %%I', r.relname, %1$L)
                                   when r.relkind = 'm' then format('alter materialized view public.%%I owner to %%I', r.relname, %1$L)
                                   else format('alter table public.%%I owner to %%I', r.relname, %1$L) end;
                    end loop;
                    for r in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                             where n.nspname = 'public' and c.relkind = 'S' and pg_get_userbyid(c.relowner) <> %1$L
                               and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')) loop
                      execute format('alter sequence public.%%I owner to %%I', r.relname, %1$L);
                    end loop;
                    for r in select p.oid::regprocedure as fn from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                             where n.nspname = 'public' and pg_get_userbyid(p.proowner) <> %1$L loop
                      execute format('alter function %%s owner to %%I', r.fn, %1$L);
                    end loop;
                  end $body$ $do$, ?::text)""", database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot hand database " + database + " over to its role", e);
        }
    }
}
