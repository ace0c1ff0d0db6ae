package org.ehcptracker.reporting.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.ehcptracker.reporting.domain.BacklogView;
import org.ehcptracker.reporting.domain.TimelinessFigures;

/**
 * The figures of one LA for a period: the 20-week measure including exception cases (top level),
 * the DfE headline excluding them, and the backlog on the period's last day.
 */
public record FiguresResponse(String localAuthorityCode,
        LocalDate from,
        LocalDate to,
        int plansIssued,
        int issuedWithin20Weeks,
        BigDecimal percentWithin20Weeks,
        BigDecimal averageWeeksToIssue,
        Measure excludingExceptions,
        Backlog backlog) {

    public record Measure(int plansIssued, int issuedWithin20Weeks, BigDecimal percentWithin20Weeks,
                          BigDecimal averageWeeksToIssue) {
    }

    public record Backlog(LocalDate asOf, int open, int past20Weeks, int past30Weeks, int past52Weeks,
                          BigDecimal averageWeeksOpen) {
    }

    static FiguresResponse of(TimelinessFigures f, BacklogView b) {
        var all = f.allPlans();
        var excl = f.excludingExceptions();
        return new FiguresResponse(f.localAuthorityCode(), f.from(), f.to(),
                all.plansIssued(), all.issuedWithin20Weeks(), all.percentWithin20Weeks(), all.averageWeeksToIssue(),
                new Measure(excl.plansIssued(), excl.issuedWithin20Weeks(), excl.percentWithin20Weeks(),
                        excl.averageWeeksToIssue()),
                new Backlog(b.asOf(), b.open(), b.past20Weeks(), b.past30Weeks(), b.past52Weeks(), b.averageWeeksOpen()));
    }
}
