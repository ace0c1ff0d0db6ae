package org.ehcptracker.reporting.pages;

import java.util.List;
import java.util.Locale;
import org.ehcptracker.reporting.domain.CaseHoldUps.HoldUp;

/** The worklist's "held up by" in words: "EP advice overdue 12 days" (docs/front-end.md, "Caseworker pages"). */
final class HeldUpBy {

    private HeldUpBy() {
    }

    static List<String> words(List<HoldUp> holdUps) {
        return holdUps.stream().map(HeldUpBy::words).toList();
    }

    static String words(HoldUp h) {
        return switch (h.reason()) {
            case ADVICE_OVERDUE -> advice(h.code()) + " advice overdue " + days(h.daysLate());
            case ADVICE_EXCEPTION -> advice(h.code()) + " advice " + days(h.daysLate()) + " late, with an exception";
            case CONSULTATION_OVERDUE -> "Setting " + h.code() + " not answered, " + days(h.daysLate()) + " late";
            case FAMILY_RESPONSE -> "Family's comments on the draft, until " + BoardView.day(h.until());
            case EXCEPTION -> "Exception: " + CasePages.words(h.code()).toLowerCase(Locale.UK)
                    + (h.until() == null ? " since " + BoardView.day(h.since()) : " until " + BoardView.day(h.until()));
        };
    }

    /** The advice type as caseworkers say it: "EP" for educational psychology. */
    private static String advice(String type) {
        return "EDUCATIONAL_PSYCHOLOGY".equals(type) ? "EP" : CasePages.words(type);
    }

    private static String days(long n) {
        return n + (n == 1 ? " day" : " days");
    }
}
