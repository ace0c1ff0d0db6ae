package org.ehcptracker.contracts;

/** A published event could not be read or written as JSON. */
public class EventJsonException extends RuntimeException {

    public EventJsonException(String message) {
        super(message);
    }

    public EventJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
