package org.ehcptracker.advice.domain;

/**
 * An agency acted on a request addressed to another agency: a refusal of who is acting rather than of
 * what is asked (403 at the HTTP door), so it is not a {@code CommandRejected}.
 */
public final class NotTheAgencyAsked extends RuntimeException {

    public NotTheAgencyAsked(String message) {
        super(message);
    }

    /** The field at fault in the answer. */
    public String field() {
        return "agencyId";
    }
}
