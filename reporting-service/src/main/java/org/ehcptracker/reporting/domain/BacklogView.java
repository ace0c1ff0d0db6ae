package org.ehcptracker.reporting.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import org.ehcptracker.statutory.StatutoryClock;

/**
 * The backlog of one local authority on a date: cases open on {@code asOf} (see
 * {@link CaseProgress#openOn}), and how many of them have been open longer than 20, 30 and 52 weeks,
 * counting calendar days from the clock start (day 0) to {@code asOf}: past 20 weeks is more than
 * 140 days, past 30 more than 210, past 52 more than 364. Day 140 itself is not past 20 weeks, just
 * as a plan issued on day 140 is in time. Average weeks open is days / 7 averaged over the open cases,
 * rounded half-up to one decimal, null when none is open. Exceptions, mediation and tribunal do not
 * matter here: the backlog is every initial request still waiting (a re-assessment, Reg 27, is not counted).
 */
public record BacklogView(LocalDate asOf,
        int open,
        int past20Weeks,
        int past30Weeks,
        int past52Weeks,
        BigDecimal averageWeeksOpen) {

    static final int DAYS_20_WEEKS = 20 * 7;
    static final int DAYS_30_WEEKS = 30 * 7;
    static final int DAYS_52_WEEKS = 52 * 7;

    public BacklogView {
        Objects.requireNonNull(asOf, "asOf");
    }

    /** The backlog of {@code localAuthorityCode} on {@code asOf}; rows of other LAs are ignored. */
    public static BacklogView of(String localAuthorityCode, LocalDate asOf, Collection<CaseProgress> cases) {
        Objects.requireNonNull(localAuthorityCode, "localAuthorityCode");
        Objects.requireNonNull(asOf, "asOf");
        int open = 0;
        int past20 = 0;
        int past30 = 0;
        int past52 = 0;
        long totalDays = 0;
        for (CaseProgress c : cases) {
            if (!localAuthorityCode.equals(c.localAuthorityCode()) || !c.openOn(asOf) || c.reassessment()) {
                continue;
            }
            long days = StatutoryClock.daysElapsed(c.clockStart(), asOf);
            open++;
            totalDays += days;
            if (days > DAYS_20_WEEKS) {
                past20++;
            }
            if (days > DAYS_30_WEEKS) {
                past30++;
            }
            if (days > DAYS_52_WEEKS) {
                past52++;
            }
        }
        return counted(asOf, open, past20, past30, past52, totalDays);
    }

    /**
     * The backlog from its counts (as SQL sums them: persistence.CaseProgressStore): {@code open} cases, how many
     * past 20 / 30 / 52 weeks, and their days open summed; the average half-up to one decimal, null with none open.
     */
    public static BacklogView counted(LocalDate asOf, int open, int past20, int past30, int past52, long totalDays) {
        BigDecimal average = open == 0 ? null
                : BigDecimal.valueOf(totalDays).divide(BigDecimal.valueOf(7L * open), 1, RoundingMode.HALF_UP);
        return new BacklogView(asOf, open, past20, past30, past52, average);
    }
}
