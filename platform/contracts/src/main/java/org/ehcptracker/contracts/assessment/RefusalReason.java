package org.ehcptracker.contracts.assessment;

/**
 * The ground on which the LA refused to carry out an EHC needs assessment (section 36(8) of the
 * Children and Families Act 2014, Reg 5; SEND Code of Practice 9.14-9.16). A code, never free text:
 * a caseworker's own words stay in assessment-service's case notes, off Kafka.
 */
public enum RefusalReason {
    /** The child's needs can be met from the resources normally available to the setting (CoP 9.14-9.15). */
    NEEDS_MET_FROM_AVAILABLE_RESOURCES,
    /** The evidence does not show that the child has or may have special educational needs (s36(8)(a)). */
    INSUFFICIENT_EVIDENCE_OF_SEN,
    /** The child may have SEN but may not need provision through an EHC plan (s36(8)(b)). */
    EHC_PLAN_NOT_NECESSARY,
    /** The child is not in this LA's area, or the request is for a young person this LA is not responsible for (s24). */
    NOT_THE_RESPONSIBLE_AUTHORITY,
    /**
     * Any other ground; also every refusal published before the reason became a code
     * (AssessmentDecided v1, whose free text is dropped on reading because it may hold a name).
     */
    OTHER
}
