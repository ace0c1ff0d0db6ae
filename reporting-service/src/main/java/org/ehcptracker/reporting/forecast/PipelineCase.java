package org.ehcptracker.reporting.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.reporting.domain.CaseFile;
import org.ehcptracker.reporting.domain.CaseProgress;

/**
 * One initial request as the forecast sees it: the dates of the stages it went through (null where not reached).
 * Both the council's history (fitted) and a simulated future (measured) are lists of these, so the same
 * {@link PipelineMeasures} measure both, and a backtest compares like with like.
 *
 * @param clockStart  day 0 of the 20 weeks (the request, or the transfer in)
 * @param decided     the day the council decided whether to assess (or the request left before a decision)
 * @param assessed    true: decided to assess; false: refused (or withdrawn before a decision); null: undecided
 * @param left        the day the case closed without a plan (refused, withdrawn, concluded no plan), or null
 * @param epRequested the first educational psychology advice request, or null
 * @param epReturned  the day that advice was returned, or null while owed (or never asked)
 * @param drafted     the draft plan, or null
 * @param issued      the final plan, or null
 * @param exception   an exception to the 20 weeks stands against the case (counts in "including exceptions" only)
 * @param typeNamed   the final plan named a type of setting (true) or a school or other setting by URN (false), which
 *                    the council consulted before naming it; null without a final plan
 * @param otherAdviceRequested the first request for health, social care or education advice, or null
 * @param otherAdviceReturned  the day the last of those was returned, or null while any is owed (or none asked)
 */
public record PipelineCase(UUID caseId, LocalDate clockStart, LocalDate decided, Boolean assessed, LocalDate left,
                           LocalDate epRequested, LocalDate epReturned, LocalDate drafted, LocalDate issued,
                           boolean exception, Boolean typeNamed, LocalDate otherAdviceRequested,
                           LocalDate otherAdviceReturned) {

    /** The advice the model puts beside EP advice: the slowest of them (or the EP's) bounds the draft. */
    static final java.util.Set<AdviceType> OTHER_ADVICE = java.util.EnumSet.of(AdviceType.HEALTH,
            AdviceType.SOCIAL_CARE, AdviceType.EDUCATION);

    /** A case without health, social care or education advice. */
    public PipelineCase(UUID caseId, LocalDate clockStart, LocalDate decided, Boolean assessed, LocalDate left,
                        LocalDate epRequested, LocalDate epReturned, LocalDate drafted, LocalDate issued,
                        boolean exception, Boolean typeNamed) {
        this(caseId, clockStart, decided, assessed, left, epRequested, epReturned, drafted, issued, exception,
                typeNamed, null, null);
    }

    /** A case whose final plan, if any, is not known to name a school or a type (hand-built histories). */
    public PipelineCase(UUID caseId, LocalDate clockStart, LocalDate decided, Boolean assessed, LocalDate left,
                        LocalDate epRequested, LocalDate epReturned, LocalDate drafted, LocalDate issued,
                        boolean exception) {
        this(caseId, clockStart, decided, assessed, left, epRequested, epReturned, drafted, issued, exception,
                issued == null ? null : false);
    }

    /**
     * The case of a folded case file, or null when it is not an initial request the council's backlog counts (a
     * re-assessment, or a case whose request has not been seen: no clock start).
     */
    public static PipelineCase of(CaseFile file) {
        CaseProgress p = file.progress();
        if (!file.initialRequest() || p.clockStart() == null) {
            return null;
        }
        CaseFile.AdviceRequest ep = file.adviceRequests().stream()
                .filter(a -> a.type() == AdviceType.EDUCATIONAL_PSYCHOLOGY && a.requested() != null)
                .min(java.util.Comparator.comparing(CaseFile.AdviceRequest::requested)).orElse(null);
        Boolean assessed = p.decision() == null ? null : p.decision() == AssessmentDecision.ASSESS;
        LocalDate decided = p.decisionDate();
        LocalDate left = switch (p.status()) {
            case NO_PLAN, WITHDRAWN, REFUSED -> p.closedDate();
            default -> null;
        };
        if (assessed == null && left != null) {
            assessed = false; // withdrawn before any decision: it left at the decision stage
            decided = left;
        }
        LocalDate issued = p.finalPlanIssuedDate();
        // the first final plan's choice: a type of setting named (no consultation of schools needed) or a setting
        FinalPlanIssued plan = file.events().stream().filter(FinalPlanIssued.class::isInstance)
                .map(FinalPlanIssued.class::cast).min(java.util.Comparator.comparing(FinalPlanIssued::businessDate))
                .orElse(null);
        Boolean typeNamed = issued == null || plan == null ? null : plan.settingType() != null;
        // the other advice: first asked, and the last returned once none is owed (a cancelled request owes nothing)
        List<CaseFile.AdviceRequest> other = file.adviceRequests().stream()
                .filter(a -> OTHER_ADVICE.contains(a.type()) && a.requested() != null).toList();
        LocalDate otherRequested = other.stream().map(CaseFile.AdviceRequest::requested).min(LocalDate::compareTo)
                .orElse(null);
        boolean otherOwed = other.stream().anyMatch(a -> a.returned() == null && a.openOn(LocalDate.MAX));
        LocalDate otherReturned = otherOwed ? null : other.stream().map(CaseFile.AdviceRequest::returned)
                .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
        return new PipelineCase(file.caseId(), p.clockStart(), decided, assessed, left,
                ep == null ? null : ep.requested(), ep == null ? null : ep.returned(),
                file.draftIssued(), issued, p.has20WeekException(), typeNamed, otherRequested, otherReturned);
    }

    /** What was true on {@code day}: every date after it forgotten (the case as a forecast made then saw it). */
    public PipelineCase asOn(LocalDate day) {
        if (clockStart.isAfter(day)) {
            return null;
        }
        LocalDate d = upTo(decided, day);
        return new PipelineCase(caseId, clockStart, d, d == null ? null : assessed, upTo(left, day),
                upTo(epRequested, day), upTo(epReturned, day), upTo(drafted, day), upTo(issued, day),
                exception && issued != null && !issued.isAfter(day),
                issued != null && !issued.isAfter(day) ? typeNamed : null, upTo(otherAdviceRequested, day),
                upTo(otherAdviceReturned, day));
    }

    private static LocalDate upTo(LocalDate date, LocalDate day) {
        return date == null || date.isAfter(day) ? null : date;
    }

    /** In the backlog on {@code day}: started by then and not closed (plan or exit) by then. */
    public boolean openOn(LocalDate day) {
        return !clockStart.isAfter(day) && (issued == null || issued.isAfter(day)) && (left == null || left.isAfter(day));
    }

    /** EP advice owed on {@code day}. */
    public boolean epOwedOn(LocalDate day) {
        return epRequested != null && !epRequested.isAfter(day) && (epReturned == null || epReturned.isAfter(day));
    }
}
