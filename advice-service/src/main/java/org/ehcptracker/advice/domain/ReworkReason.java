package org.ehcptracker.advice.domain;

/**
 * Why the LA returned advice for rework: a code (it goes on Kafka as AdviceReturnedForRework's reason);
 * the caseworker's note stays in this service.
 */
public enum ReworkReason {
    /** The advice does not address the child's needs as the LA asked. */
    DOES_NOT_MEET_NEED,
    /** Needs or provision are described too vaguely to be written into a plan. */
    NOT_SPECIFIC_ENOUGH,
    /** Provision is not quantified (who, what, how often). */
    PROVISION_NOT_QUANTIFIED,
    /** The outcomes sought are missing. */
    OUTCOMES_MISSING,
    /** Parts of the advice asked for are missing. */
    INCOMPLETE,
    OTHER
}
