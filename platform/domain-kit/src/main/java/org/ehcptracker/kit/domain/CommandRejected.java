package org.ehcptracker.kit.domain;

import java.util.Objects;

/**
 * A command the domain refuses: the case is unknown, a step comes in the wrong order, or the
 * input breaks a rule. Plain Java so aggregates can throw it; the REST adapter turns it into
 * an RFC 9457 problem response whose status follows {@link Kind}.
 */
public final class CommandRejected extends RuntimeException {

    /** Why the command was refused; decides the HTTP status. */
    public enum Kind {
        /** the input itself is malformed or missing (400) */
        INVALID,
        /** the case, plan or advice request does not exist (404) */
        NOT_FOUND,
        /** the command clashes with the current state: a duplicate or a step already taken (409) */
        CONFLICT,
        /** the command is well-formed but a rule or a missing earlier step forbids it (422) */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final String field;

    private CommandRejected(Kind kind, String field, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.field = field;
    }

    public static CommandRejected invalid(String field, String message) {
        return new CommandRejected(Kind.INVALID, field, message);
    }

    public static CommandRejected notFound(String message) {
        return new CommandRejected(Kind.NOT_FOUND, null, message);
    }

    public static CommandRejected conflict(String message) {
        return new CommandRejected(Kind.CONFLICT, null, message);
    }

    public static CommandRejected unprocessable(String field, String message) {
        return new CommandRejected(Kind.UNPROCESSABLE, field, message);
    }

    public Kind kind() {
        return kind;
    }

    /** the request field the rejection is about, or null when it concerns the case as a whole */
    public String field() {
        return field;
    }
}
