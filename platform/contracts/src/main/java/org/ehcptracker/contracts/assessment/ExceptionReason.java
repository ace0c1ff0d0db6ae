package org.ehcptracker.contracts.assessment;

/** Grounds on which a statutory limit need not be met (Regs 5(4), 10(4), 13(3)). */
public enum ExceptionReason {
    /** Advice asked of a school/college from one week before a closure of 4+ weeks until one week before it reopens. */
    SCHOOL_CLOSURE,
    /** The same closure rule for an early-years provider. */
    EARLY_YEARS_CLOSURE,
    /** Of the child, parent or young person. */
    EXCEPTIONAL_PERSONAL_CIRCUMSTANCES,
    /** Child, parent or young person away from the area for 4+ continuous weeks. */
    ABSENT_FROM_AREA
}
