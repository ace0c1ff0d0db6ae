package org.ehcptracker.kit.domain;

import java.util.List;

/**
 * One command answered against the current state: the events to append (none when the command
 * changes nothing), or a {@link CommandRejected}. Application services pass it as
 * {@code (state, ctx) -> SomeDecider.decide(command, state, ctx)}.
 *
 * @param <S> the aggregate's state
 * @param <E> its event family
 */
@FunctionalInterface
public interface Decision<S, E> {

    List<? extends E> decide(S state, DecisionContext context);
}
