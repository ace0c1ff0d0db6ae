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
    /** Anyone else the LA thinks fit, incl. preparation for adulthood. */
    OTHER
}
