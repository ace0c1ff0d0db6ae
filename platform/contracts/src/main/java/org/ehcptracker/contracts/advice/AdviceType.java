package org.ehcptracker.contracts.advice;

/** Whose advice the LA asked for as part of an EHC needs assessment (Reg 6(1)). */
public enum AdviceType {
    /** Usually the bottleneck. */
    EDUCATIONAL_PSYCHOLOGY,
    HEALTH,
    SOCIAL_CARE,
    /** The head teacher or setting; a qualified HI/VI teacher where relevant. */
    EDUCATION,
    /** The parent's or young person's own advice. */
    PARENT,
    /** Anyone else the LA thinks fit. */
    OTHER,
    /**
     * Advice on provision to prepare the young person for adulthood and independent living, which Reg 6(1)
     * requires for a child in or beyond Year 9. Added to AdviceRequested and AdviceSubmitted v1 without a version
     * bump (no stored event changes shape; docs/contracts.md).
     */
    PREPARATION_FOR_ADULTHOOD
}
