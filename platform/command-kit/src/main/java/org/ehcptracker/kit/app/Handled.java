package org.ehcptracker.kit.app;

import java.util.List;

/**
 * A command carried out: the state after it, the events it appended (none when it changed nothing),
 * and the stream's version now.
 */
public record Handled<S, E>(S state, List<E> events, int version) {

    public Handled {
        events = List.copyOf(events);
    }
}
