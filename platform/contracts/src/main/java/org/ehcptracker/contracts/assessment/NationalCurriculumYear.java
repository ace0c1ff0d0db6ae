package org.ehcptracker.contracts.assessment;

/**
 * The child's or young person's national curriculum year group, as the SEN2 return records it ("NC year
 * actual": E1, E2, N1, N2, R, 1-14, X), on the day the LA received the request. A code, never free text.
 * The years below reception (SEN2's E1, E2, N1, N2) are one code here: no rule of this system tells them
 * apart.
 */
public enum NationalCurriculumYear {
    /** Below reception: an early-years setting or none (SEN2 E1, E2, N1, N2). */
    EARLY_YEARS,
    /** SEN2 R. */
    RECEPTION,
    Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13, Y14,
    /**
     * Not following a national curriculum year (SEN2 X): e.g. a young person of 19-25 out of school, or a child
     * not in education. Says nothing about age, so no rule that depends on the year group applies to it.
     */
    NOT_IN_A_YEAR_GROUP;

    /**
     * The year group {@code academicYears} school years (each starting on 1 September) later: Y8 one year on is Y9.
     * Y14 stays Y14 (the last year SEN2 counts); EARLY_YEARS stays EARLY_YEARS (which year the child starts
     * reception is not known from the code) and NOT_IN_A_YEAR_GROUP stays itself.
     */
    public NationalCurriculumYear after(int academicYears) {
        if (academicYears < 0) {
            throw new IllegalArgumentException("academicYears must be >= 0, was " + academicYears);
        }
        if (this == EARLY_YEARS || this == NOT_IN_A_YEAR_GROUP) {
            return this;
        }
        return values()[Math.min(ordinal() + academicYears, Y14.ordinal())];
    }

    /** Whether this is {@code other} or a later national curriculum year (false for NOT_IN_A_YEAR_GROUP either side). */
    public boolean atLeast(NationalCurriculumYear other) {
        return this != NOT_IN_A_YEAR_GROUP && other != NOT_IN_A_YEAR_GROUP && ordinal() >= other.ordinal();
    }
}
