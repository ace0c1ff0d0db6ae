package org.ehcptracker.contracts.advice;

/**
 * Why an advice request was cancelled: a code, never free text (a caseworker's words could hold a
 * child's name). The caseworker's own note stays in advice-service's {@code advice_cancellation}, off Kafka.
 */
public enum AdviceCancellationReason {
    /** advice-service cancelled it itself: the LA refused to assess (AssessmentDecided REFUSE). */
    CASE_REFUSED_ASSESSMENT,
    /** advice-service cancelled it itself: the request for assessment was withdrawn (RequestWithdrawn). */
    CASE_WITHDRAWN,
    /** advice-service cancelled it itself: the assessment concluded without a plan (AssessmentConcluded NO_PLAN, Reg 10). */
    CASE_CONCLUDED_WITHOUT_PLAN,
    /** Existing advice is used instead, with the agreement of the LA, the person giving it and the family (Reg 6(4)). */
    EXISTING_ADVICE_REUSED,
    /** The request went to the wrong agency (a new one goes to the right agency). */
    SENT_TO_WRONG_AGENCY,
    /** The same advice was already asked for on this case. */
    DUPLICATE_REQUEST,
    /** The LA no longer needs this advice. */
    NO_LONGER_NEEDED,
    /**
     * Any other reason; also every cancellation published before the reason became a code
     * (AdviceRequestCancelled v1) whose text was not one of these codes: that text is dropped on reading.
     */
    OTHER
}
