package org.ehcptracker.advice.domain;

import java.time.LocalDate;
import java.time.Month;
import org.ehcptracker.contracts.assessment.NationalCurriculumYear;

/**
 * When preparation-for-adulthood advice is asked for (Reg 6(1), DOMAIN.md: "from Year 9"): the young person is in
 * Year 9 or above on the day the LA decides to assess. The request carries the year group on the day it was
 * received; a school year starts on 1 September, so a Year 8 child whose request came in July is in Year 9 at a
 * decision in September.
 */
public final class PreparationForAdulthood {

    /** The first year group that gets preparation-for-adulthood advice. */
    public static final NationalCurriculumYear FROM = NationalCurriculumYear.Y9;

    private PreparationForAdulthood() {
    }

    /**
     * Whether the advice is due for a case whose request said {@code yearGroupOnReceipt} on {@code receivedDate},
     * decided on {@code decisionDate}. False when the year group or the received date is unknown, or the young person
     * is not in a national curriculum year (NOT_IN_A_YEAR_GROUP says nothing about age): the caseworker then asks for
     * it by hand.
     */
    public static boolean due(NationalCurriculumYear yearGroupOnReceipt, LocalDate receivedDate, LocalDate decisionDate) {
        if (yearGroupOnReceipt == null || receivedDate == null || decisionDate == null) {
            return false;
        }
        int schoolYears = Math.max(0, schoolYearOf(decisionDate) - schoolYearOf(receivedDate));
        return yearGroupOnReceipt.after(schoolYears).atLeast(FROM);
    }

    /** The calendar year in which the school year of {@code date} began (1 September). */
    static int schoolYearOf(LocalDate date) {
        return date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1;
    }
}
