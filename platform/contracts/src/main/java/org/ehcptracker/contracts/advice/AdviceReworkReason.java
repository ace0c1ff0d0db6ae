package org.ehcptracker.contracts.advice;

/**
 * Why the LA returned advice for rework: a code, never free text (it goes on Kafka as
 * AdviceReturnedForRework's reason); the caseworker's note stays in advice-service's {@code advice_rework}.
 */
public enum AdviceReworkReason {
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
    /**
     * Any other reason; also a v1 AdviceReturnedForRework whose reason was not one of these codes
     * (advice-service only ever wrote codes; the upcaster guards against anything else).
     */
    OTHER
}
