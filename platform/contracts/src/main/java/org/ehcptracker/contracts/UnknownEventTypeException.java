package org.ehcptracker.contracts;

/**
 * The JSON names a type this version of the contracts does not know, typically one a newer
 * producer published. A consumer decides whether to skip it or stop; it is never guessed at.
 */
public class UnknownEventTypeException extends EventJsonException {

    private final String type;

    public UnknownEventTypeException(String type) {
        super("unknown integration event type: " + type);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
