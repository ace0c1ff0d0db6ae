package org.ehcptracker.kit.domain;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What the application service needs to know of an aggregate to rebuild it: its event family
 * (to read its stream), its state before any event, and its pure {@code evolve}. One constant per
 * aggregate, e.g. {@code AssessmentCase.TYPE}.
 *
 * @param name    for messages, e.g. "assessment case"
 * @param family  the event family its stream holds
 * @param initial the state of a stream with no events
 * @param evolve  the state after one more event; pure
 */
public record AggregateType<S, E>(String name, Class<E> family, S initial, BiFunction<S, E, S> evolve) {

    public AggregateType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(evolve, "evolve");
    }

    /** The state after {@code events}, starting from the initial state. */
    public S rebuild(List<? extends E> events) {
        return evolve(initial, events);
    }

    /** The state after {@code events}, starting from {@code state}. */
    public S evolve(S state, List<? extends E> events) {
        S s = state;
        for (E e : events) {
            s = evolve.apply(s, e);
        }
        return s;
    }
}
