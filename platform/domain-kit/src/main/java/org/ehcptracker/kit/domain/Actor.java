package org.ehcptracker.kit.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who made a request: {@code <role>:<id>}, e.g. {@code caseworker:jsmith} or
 * {@code agency:ep-839}. Carried on every API request (header {@value #HEADER}) and stored in
 * each event's metadata, so that authentication and agency-scoped access can later replace the
 * header without touching the domain.
 */
public record Actor(String role, String id) {

    public static final String HEADER = "X-Actor";
    private static final Pattern FORM = Pattern.compile("([a-z][a-z-]{1,30}):([A-Za-z0-9._@-]{1,100})");

    public Actor {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(id, "id");
    }

    /** Parses {@code role:id}; rejects anything else. */
    public static Actor parse(String header) {
        if (header == null || header.isBlank()) {
            throw CommandRejected.invalid(HEADER, "every request must say who makes it: header " + HEADER
                    + " as role:id, e.g. caseworker:jsmith");
        }
        var m = FORM.matcher(header.trim());
        if (!m.matches()) {
            throw CommandRejected.invalid(HEADER, "'" + header + "' is not role:id (e.g. caseworker:jsmith)");
        }
        return new Actor(m.group(1), m.group(2));
    }

    @Override
    public String toString() {
        return role + ":" + id;
    }
}
