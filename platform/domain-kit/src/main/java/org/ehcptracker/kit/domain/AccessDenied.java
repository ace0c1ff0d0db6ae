package org.ehcptracker.kit.domain;

import java.util.Objects;

/**
 * A signed-in actor asked for something outside their scope: another council's case or figures, another
 * agency's advice request. The REST adapter answers 403 problem+json. The message never names what the
 * actor may not see beyond the identifiers they sent.
 */
public final class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
    }
}
