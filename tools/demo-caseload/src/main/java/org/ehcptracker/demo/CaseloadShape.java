package org.ehcptracker.demo;

import java.util.List;

/**
 * How one demo council's open caseload is shaped: how many requests arrived over how many weeks, and how long each
 * stage takes there. The two shapes are drawn from DfE's published 2024 figures for real councils (docs in
 * deploy/local/README.md), scaled down so that seeding takes seconds.
 *
 * @param localAuthorityCode the council (LA code)
 * @param name               what the pages and the seeder's progress line call it
 * @param requests           requests received over the last {@code weeks} weeks
 * @param weeks              how far back the oldest request was received
 * @param refusedShare       share of decisions that refuse to assess
 * @param decisionDays       days from receipt to the decision whether to assess (min, max)
 * @param epAdviceDays       days from the decision to the educational psychologist's advice (min, max): the bottleneck
 * @param otherAdviceDays    days from the decision to health's and social care's advice (min, max)
 * @param draftDays          days from the last advice to the draft plan (min, max)
 * @param finalDays          days from the draft to the final plan (min, max; at least 16: the family has 15 days to
 *                           respond and none of them records a response here)
 */
public record CaseloadShape(String localAuthorityCode, String name, int requests, int weeks, double refusedShare,
        Days decisionDays, Days epAdviceDays, Days otherAdviceDays, Days draftDays, Days finalDays) {

    /** A range of days, both ends included. */
    public record Days(int min, int max) {
        public Days {
            if (min < 0 || max < min) {
                throw new IllegalArgumentException("bad range of days " + min + ".." + max);
            }
        }
    }

    public CaseloadShape {
        if (finalDays.min() < 16) {
            throw new IllegalArgumentException("a final plan comes after the family's 15 days on the draft (Reg 13(1))");
        }
    }

    /**
     * Newcastle upon Tyne (391): 476 plans in 2024, 8.8% within 20 weeks. Its educational psychology advice takes
     * 10-30 weeks, so most open cases wait on it and many are past 20 weeks: a backlog in the making.
     */
    public static final CaseloadShape LARGE_WITH_EP_BOTTLENECK = new CaseloadShape("391", "Newcastle upon Tyne (demo)",
            240, 44, 0.25, new Days(20, 56), new Days(70, 210), new Days(28, 49), new Days(14, 35), new Days(16, 28));

    /** Windsor and Maidenhead (868): 127 plans in 2024, all within 20 weeks. Advice comes back within 6 weeks. */
    public static final CaseloadShape SMALL_ON_TIME = new CaseloadShape("868", "Windsor and Maidenhead (demo)",
            48, 44, 0.2, new Days(21, 40), new Days(28, 42), new Days(21, 40), new Days(7, 21), new Days(16, 22));

    public static final List<CaseloadShape> ALL = List.of(LARGE_WITH_EP_BOTTLENECK, SMALL_ON_TIME);

    /** The same shape with {@code requests} scaled (at least one), for a quicker seed. */
    public CaseloadShape scaled(double factor) {
        return new CaseloadShape(localAuthorityCode, name, Math.max(1, (int) Math.round(requests * factor)), weeks,
                refusedShare, decisionDays, epAdviceDays, otherAdviceDays, draftDays, finalDays);
    }
}
