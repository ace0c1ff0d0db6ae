package org.ehcptracker.reporting.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceSubmitted;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.advice.ExistingAdviceReused;
import org.ehcptracker.contracts.assessment.AssessmentConcluded;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.ExceptionWithdrawn;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.contracts.assessment.MediationOrTribunalRecorded;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;
import org.ehcptracker.contracts.plan.AmendedPlanIssued;
import org.ehcptracker.contracts.plan.AnnualReviewDecided;
import org.ehcptracker.contracts.plan.AnnualReviewMeetingHeld;
import org.ehcptracker.contracts.plan.CeaseReason;
import org.ehcptracker.contracts.plan.DraftPlanIssued;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.contracts.plan.PlanCeased;
import org.ehcptracker.contracts.plan.ReviewOutcome;
import org.ehcptracker.statutory.StatutoryClock;

/**
 * Everything the board measures know about one case, folded from all its events (of the three topics) in any
 * order: the {@link CaseProgress} merge for the 20-week facts, plus what the other measures need and
 * case_progress does not keep (the council responsible on each day, the first decision, every advice request and
 * reuse of existing advice, the draft, every dispute, and each of the case's plans by planId with its reviews and
 * cessation). Events are sorted by business date, then event id, before anything reads them, so the result never
 * depends on arrival order.
 */
public final class CaseFile {

    /** A transfer of responsibility: from {@code from} to {@code to} on {@code date}, where the clock restarts. */
    public record Transfer(LocalDate date, String from, String to) {
    }

    /** A dispute as registered. */
    public record Dispute(LocalDate registered, DisputeKind kind, DisputeStage stage, String localAuthorityCode) {
    }

    /** One advice request of a partner agency and what became of it. */
    public static final class AdviceRequest {
        final UUID id;
        String localAuthorityCode;
        AdviceType type;
        String agencyId;
        LocalDate requested;
        LocalDate cancelled;
        final List<LocalDate> submissions = new ArrayList<>();
        final List<LocalDate> reworks = new ArrayList<>();

        AdviceRequest(UUID id) {
            this.id = id;
        }

        public UUID id() {
            return id;
        }

        public String localAuthorityCode() {
            return localAuthorityCode;
        }

        public AdviceType type() {
            return type;
        }

        public String agencyId() {
            return agencyId;
        }

        public LocalDate requested() {
            return requested;
        }

        /**
         * The day the advice that stands was returned: the latest submission, unless sent back for rework on or
         * after it (then null: the agency owes it again). Null while never submitted.
         */
        public LocalDate returned() {
            return returnedOn(LocalDate.MAX);
        }

        /** As {@link #returned()}, counting only submissions and reworks dated on or before {@code date}. */
        public LocalDate returnedOn(LocalDate date) {
            LocalDate lastSubmission = submissions.stream().filter(d -> !d.isAfter(date))
                    .max(Comparator.naturalOrder()).orElse(null);
            if (lastSubmission == null) {
                return null;
            }
            boolean reworked = reworks.stream().anyMatch(r -> !r.isAfter(date) && !r.isBefore(lastSubmission));
            return reworked ? null : lastSubmission;
        }

        /** Owed on {@code date}: requested by then, neither returned nor cancelled by then. */
        public boolean openOn(LocalDate date) {
            return requested != null && !requested.isAfter(date) && returnedOn(date) == null
                    && (cancelled == null || cancelled.isAfter(date));
        }
    }

    /**
     * Existing advice reused instead of a new request (Reg 6(4), {@code ExistingAdviceReused}): recorded on
     * {@code recorded} by the council {@code localAuthorityCode}; the advice itself is of {@code adviceDate}.
     */
    public record AdviceReuse(UUID id, String localAuthorityCode, AdviceType type, String agencyId,
                              LocalDate adviceDate, LocalDate recorded) {
    }

    /** One annual review of one of the case's plans (plan-service's events; the meeting, decision and amendment). */
    public static final class Review {
        final UUID id;
        UUID planId;
        String localAuthorityCode;
        LocalDate meeting;
        String phaseTransfer;
        LocalDate phaseTransferDeadline;
        LocalDate decided;
        ReviewOutcome outcome;
        LocalDate amendedPlanDue;
        LocalDate amendedPlanIssued;

        Review(UUID id) {
            this.id = id;
        }

        public UUID id() {
            return id;
        }

        /** The plan reviewed (every review event names it). */
        public UUID planId() {
            return planId;
        }

        /** The council of the plan (plan-service names the LA that issued it on every review event). */
        public String localAuthorityCode() {
            return localAuthorityCode;
        }

        public LocalDate meeting() {
            return meeting;
        }

        /** The move between phases this review prepares (a {@code statutory.PhaseTransfer} name), or null. */
        public String phaseTransfer() {
            return phaseTransfer;
        }

        /** 15 February (31 March for the move to post-16) of the year of the move; null without a transfer. */
        public LocalDate phaseTransferDeadline() {
            return phaseTransferDeadline;
        }

        public LocalDate decided() {
            return decided;
        }

        public ReviewOutcome outcome() {
            return outcome;
        }

        public LocalDate amendedPlanDue() {
            return amendedPlanDue;
        }

        public LocalDate amendedPlanIssued() {
            return amendedPlanIssued;
        }
    }

    /**
     * One plan of the case, keyed by plan-service's planId: the case's first plan, or a new plan made after the
     * previous one ceased (docs/plan-service.md, "A new plan after a cessation"; every plan event carries its
     * planId). Each plan has its own issue date, reviews, amendments, phase transfers and cessation.
     */
    public static final class Plan {
        final UUID id;
        String localAuthorityCode;
        LocalDate draftIssued;
        LocalDate issued;
        LocalDate issueClockStart;
        LocalDate ceased;
        CeaseReason ceaseReason;
        String ceasedLocalAuthorityCode;
        final Map<UUID, Review> reviews = new LinkedHashMap<>();

        Plan(UUID id) {
            this.id = id;
        }

        public UUID id() {
            return id;
        }

        /** The council that issued the final plan (FinalPlanIssued); null while its final plan is not known. */
        public String localAuthorityCode() {
            return localAuthorityCode;
        }

        /** The draft of this plan (the earliest DraftPlanIssued with its planId), or null. */
        public LocalDate draftIssued() {
            return draftIssued;
        }

        /** The final plan's issue date (the earliest FinalPlanIssued with this planId), or null. */
        public LocalDate issued() {
            return issued;
        }

        /** The clock start the final plan carries ({@code requestReceivedDate}), or null. */
        public LocalDate issueClockStart() {
            return issueClockStart;
        }

        /** The day this plan ceased (its earliest PlanCeased), or null. */
        public LocalDate ceased() {
            return ceased;
        }

        public CeaseReason ceaseReason() {
            return ceaseReason;
        }

        /** The council named on the PlanCeased (the plan's), or null. */
        public String ceasedLocalAuthorityCode() {
            return ceasedLocalAuthorityCode;
        }

        /** This plan's reviews, in the order first seen (the events' business-date order). */
        public Collection<Review> reviews() {
            return reviews.values();
        }

        /**
         * In force on {@code date}: its final plan issued on or before it and not ceased by then (ceased on that
         * very day is no longer in force, as a review due on the day of the cessation is not due).
         */
        public boolean inForceOn(LocalDate date) {
            return issued != null && !issued.isAfter(date) && (ceased == null || ceased.isAfter(date));
        }

        /**
         * Every annual review this plan fell due for while in force: 12 months after its issue
         * ({@link StatutoryClock#annualReviewDue}), then 12 months after each of its review meetings (an amendment
         * does not restart the 12 months); each answered by its next meeting, if any. A due date on or after the
         * day the plan ceased is not a review due. Empty without a final plan.
         */
        public List<ReviewDue> reviewsDue() {
            if (issued == null) {
                return List.of();
            }
            List<LocalDate> meetings = reviews.values().stream().map(Review::meeting).filter(Objects::nonNull)
                    .sorted().toList();
            List<ReviewDue> due = new ArrayList<>();
            LocalDate anchor = issued;
            for (int k = 0; ; k++) {
                LocalDate d = StatutoryClock.annualReviewDue(anchor);
                if (ceased != null && !ceased.isAfter(d)) {
                    break;
                }
                LocalDate next = k < meetings.size() ? meetings.get(k) : null;
                due.add(new ReviewDue(d, next));
                if (next == null) {
                    break;
                }
                anchor = next;
            }
            return due;
        }
    }

    /** An annual review that fell due: on {@code due}, and the meeting that answered it (the next one), or null. */
    public record ReviewDue(LocalDate due, LocalDate heldOn) {
    }

    private final UUID caseId;
    private final List<IntegrationEvent> events;
    private final Map<UUID, Review> reviews = new LinkedHashMap<>();
    private final Map<UUID, Plan> plans = new LinkedHashMap<>();
    private final CaseProgress progress;
    private final String requestLa;
    private final List<Transfer> transfers = new ArrayList<>();
    private final List<Dispute> disputes = new ArrayList<>();
    private final Map<UUID, AdviceRequest> advice = new LinkedHashMap<>();
    private final Map<UUID, AdviceReuse> reuses = new LinkedHashMap<>();
    private LocalDate firstDecisionDate;
    private LocalDate draftIssued;
    private LocalDate noPlanDate;
    private final boolean has14WeekException;

    private CaseFile(UUID caseId, List<IntegrationEvent> sorted) {
        this.caseId = caseId;
        this.events = List.copyOf(sorted);
        CaseProgress p = CaseProgress.empty(caseId);
        String la = null;
        java.util.Set<UUID> fourteenWeekExceptions = new java.util.HashSet<>();
        java.util.Set<UUID> withdrawnExceptions = new java.util.HashSet<>();
        for (IntegrationEvent e : sorted) {
            if (CaseProgress.isAffectedBy(e)) {
                p = p.apply(e);
            }
            if (e instanceof AssessmentRequested r && la == null) {
                la = r.localAuthorityCode();
            } else if (e instanceof ResponsibilityTransferredIn t) {
                transfers.add(new Transfer(t.businessDate(), t.fromLocalAuthorityCode(), t.localAuthorityCode()));
            } else if (e instanceof AssessmentDecided d && firstDecisionDate == null) {
                firstDecisionDate = d.businessDate();
            } else if (e instanceof MediationOrTribunalRecorded m) {
                disputes.add(new Dispute(m.businessDate(), m.kind(), m.stage(), m.localAuthorityCode()));
            } else if (e instanceof DraftPlanIssued d) {
                draftIssued = draftIssued == null ? d.businessDate() : draftIssued;
                Plan plan = plan(d.planId());
                plan.draftIssued = plan.draftIssued == null ? d.businessDate() : plan.draftIssued;
            } else if (e instanceof AdviceRequested r) {
                AdviceRequest a = adviceRequest(r.adviceRequestId());
                a.localAuthorityCode = r.localAuthorityCode();
                a.type = r.adviceType();
                a.agencyId = r.agencyId();
                a.requested = a.requested == null ? r.businessDate() : a.requested;
            } else if (e instanceof AdviceSubmitted s) {
                AdviceRequest a = adviceRequest(s.adviceRequestId());
                a.submissions.add(s.businessDate());
                // repeated on the submission so that a request whose AdviceRequested is missing still has them
                a.type = a.type == null ? s.adviceType() : a.type;
                a.agencyId = a.agencyId == null ? s.agencyId() : a.agencyId;
                a.localAuthorityCode = a.localAuthorityCode == null ? s.localAuthorityCode() : a.localAuthorityCode;
            } else if (e instanceof ExistingAdviceReused u) {
                // one per case and advice type; should the event come twice, the first (earliest) stands
                reuses.putIfAbsent(u.adviceReuseId(), new AdviceReuse(u.adviceReuseId(), u.localAuthorityCode(),
                        u.adviceType(), u.agencyId(), u.adviceDate(), u.businessDate()));
            } else if (e instanceof AdviceReturnedForRework w) {
                adviceRequest(w.adviceRequestId()).reworks.add(w.businessDate());
            } else if (e instanceof FinalPlanIssued f) {
                // the earliest final plan of each planId (sorted: the first seen); one per plan in practice
                Plan plan = plan(f.planId());
                if (plan.issued == null) {
                    plan.issued = f.businessDate();
                    plan.issueClockStart = f.requestReceivedDate();
                    plan.localAuthorityCode = f.localAuthorityCode();
                }
            } else if (e instanceof AnnualReviewMeetingHeld m) {
                Review r = review(m.planId(), m.reviewId(), m.localAuthorityCode());
                r.meeting = m.businessDate();
                r.phaseTransfer = m.phaseTransfer();
                r.phaseTransferDeadline = m.phaseTransferDeadline();
            } else if (e instanceof AnnualReviewDecided d) {
                Review r = review(d.planId(), d.reviewId(), d.localAuthorityCode());
                r.decided = d.businessDate();
                r.outcome = d.outcome();
                r.amendedPlanDue = d.amendedPlanDue();
                // the decision repeats the meeting's date, so a review whose meeting event is missing still has it
                r.meeting = r.meeting == null ? d.meetingDate() : r.meeting;
            } else if (e instanceof AmendedPlanIssued a) {
                Review r = review(a.planId(), a.reviewId(), a.localAuthorityCode());
                r.amendedPlanIssued = r.amendedPlanIssued == null ? a.businessDate() : r.amendedPlanIssued;
            } else if (e instanceof PlanCeased c) {
                Plan plan = plan(c.planId());
                if (plan.ceased == null) {
                    plan.ceased = c.businessDate();
                    plan.ceaseReason = c.reason();
                    plan.ceasedLocalAuthorityCode = c.localAuthorityCode();
                }
            } else if (e instanceof ExceptionRecorded x && x.limit() == StatutoryLimit.FINAL_PLAN_14_WEEKS_REASSESSMENT) {
                fourteenWeekExceptions.add(x.exceptionId());
            } else if (e instanceof ExceptionWithdrawn w) {
                withdrawnExceptions.add(w.exceptionId());
            } else if (e instanceof AdviceRequestCancelled c) {
                AdviceRequest a = adviceRequest(c.adviceRequestId());
                a.cancelled = a.cancelled == null ? c.businessDate() : a.cancelled;
            }
        }
        this.progress = p;
        fourteenWeekExceptions.removeAll(withdrawnExceptions);
        this.has14WeekException = !fourteenWeekExceptions.isEmpty();
        this.requestLa = la;
        this.noPlanDate = p.assessmentOutcome() == AssessmentOutcome.NO_PLAN ? p.assessmentOutcomeDate() : null;
        transfers.sort(Comparator.comparing(Transfer::date));
    }

    private Review review(UUID planId, UUID id, String la) {
        Review r = reviews.computeIfAbsent(id, Review::new);
        r.localAuthorityCode = r.localAuthorityCode == null ? la : r.localAuthorityCode;
        if (r.planId == null) {
            // a review belongs to one plan: every event of a review names the same planId
            r.planId = planId;
            plan(planId).reviews.put(id, r);
        }
        return r;
    }

    private Plan plan(UUID id) {
        return plans.computeIfAbsent(id, Plan::new);
    }

    private AdviceRequest adviceRequest(UUID id) {
        return advice.computeIfAbsent(id, AdviceRequest::new);
    }

    /** The case folded from its events, whatever order they come in. */
    public static CaseFile of(UUID caseId, Collection<? extends IntegrationEvent> events) {
        Objects.requireNonNull(caseId, "caseId");
        List<IntegrationEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(IntegrationEvent::businessDate)
                .thenComparing(e -> e.eventId().toString()));
        return new CaseFile(caseId, sorted);
    }

    /** Groups events by case and folds each case. */
    public static List<CaseFile> fold(Collection<? extends IntegrationEvent> events) {
        Map<UUID, List<IntegrationEvent>> byCase = new LinkedHashMap<>();
        for (IntegrationEvent e : events) {
            byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e);
        }
        List<CaseFile> files = new ArrayList<>();
        byCase.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(en -> files.add(of(en.getKey(), en.getValue())));
        return files;
    }

    public UUID caseId() {
        return caseId;
    }

    public List<IntegrationEvent> events() {
        return events;
    }

    public CaseProgress progress() {
        return progress;
    }

    public List<Transfer> transfers() {
        return List.copyOf(transfers);
    }

    public List<Dispute> disputes() {
        return List.copyOf(disputes);
    }

    public Collection<AdviceRequest> adviceRequests() {
        return advice.values();
    }

    /** Existing advice reused instead of new requests (Reg 6(4)), by reuse. */
    public Collection<AdviceReuse> adviceReuses() {
        return reuses.values();
    }

    public Collection<Review> reviews() {
        return reviews.values();
    }

    /**
     * The case's plans, first to last: by the final plan's issue date (plans whose final plan is not known last),
     * then the draft's date, then planId. A new plan is drafted only after the previous one ceased, so the first is
     * the plan the assessment issued, the one the 20-week measure counts ({@link CaseProgress} keeps its issue).
     */
    public List<Plan> plans() {
        Comparator<LocalDate> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        return plans.values().stream()
                .sorted(Comparator.comparing(Plan::issued, nullsLast)
                        .thenComparing(Plan::draftIssued, nullsLast)
                        .thenComparing(p -> p.id().toString()))
                .toList();
    }

    /** The first of {@link #plans()}, or null when no plan event was seen. */
    public Plan firstPlan() {
        List<Plan> all = plans();
        return all.isEmpty() ? null : all.get(0);
    }

    /** The council that issued the case's first final plan (FinalPlanIssued), or null without one. */
    public String planLocalAuthorityCode() {
        Plan first = firstPlan();
        return first == null ? null : first.localAuthorityCode();
    }

    /** The day the case's first plan ceased, or null ({@link Plan#ceased()} for each plan). */
    public LocalDate planCeased() {
        Plan first = firstPlan();
        return first == null ? null : first.ceased();
    }

    /** The reason the case's first plan ceased, or null. */
    public CeaseReason ceaseReason() {
        Plan first = firstPlan();
        return first == null ? null : first.ceaseReason();
    }

    /** The council named on the first plan's cessation, or null. */
    public String ceasedLocalAuthorityCode() {
        Plan first = firstPlan();
        return first == null ? null : first.ceasedLocalAuthorityCode();
    }

    /** The plans in force on {@code date} ({@link Plan#inForceOn}): at most one in practice. */
    public List<Plan> plansInForceOn(LocalDate date) {
        return plans().stream().filter(p -> p.inForceOn(date)).toList();
    }

    /**
     * Every annual review any of the case's plans fell due for while in force ({@link Plan#reviewsDue()}), plan by
     * plan. Empty without a final plan.
     */
    public List<ReviewDue> reviewsDue() {
        return plans().stream().flatMap(p -> p.reviewsDue().stream()).toList();
    }

    /** Not a re-assessment (Reg 27): the DfE measures count initial requests only ({@link CaseProgress#initialRequest}). */
    public boolean initialRequest() {
        return progress.initialRequest();
    }

    /**
     * An exception to the re-assessment's 14-week limit (Reg 27, "same exceptions" as the 20 weeks) recorded and not
     * withdrawn as recorded in error; as {@link CaseProgress#has20WeekException} for the 20 weeks, in any order.
     */
    public boolean has14WeekException() {
        return has14WeekException;
    }

    public LocalDate firstDecisionDate() {
        return firstDecisionDate;
    }

    /** The case's first draft (the earliest DraftPlanIssued): the first plan's, as a later plan is drafted after a cessation. */
    public LocalDate draftIssued() {
        return draftIssued;
    }

    /** The date the LA decided not to issue a plan (the conclusion that stands), or null. */
    public LocalDate noPlanDate() {
        return noPlanDate;
    }

    /**
     * The council responsible on {@code date}: the receiving council of the latest transfer on or before it;
     * before any transfer the sending council of the first one; otherwise the council of the case's events.
     */
    public String responsibleOn(LocalDate date) {
        Transfer held = null;
        for (Transfer t : transfers) {
            if (!t.date().isAfter(date)) {
                held = t;
            }
        }
        if (held != null) {
            return held.to();
        }
        if (!transfers.isEmpty()) {
            return transfers.get(0).from();
        }
        return requestLa != null ? requestLa : progress.localAuthorityCode();
    }

    /** Day 0 of the clock running on {@code date}: the latest transfer on or before it, else the request. */
    public LocalDate clockStartOn(LocalDate date) {
        LocalDate start = progress.receivedDate();
        for (Transfer t : transfers) {
            if (!t.date().isAfter(date)) {
                start = t.date();
            }
        }
        return start;
    }

    /**
     * In the backlog on {@code date}: a clock had started by then (the request, or a transfer in when the
     * receiving council never saw the request), the case had not closed by then, and the decision that held that
     * day was not a refusal ({@link CaseProgress#refusedOn}).
     */
    public boolean openOn(LocalDate date) {
        LocalDate start = clockStartOn(date);
        LocalDate closed = progress.closedDate();
        return start != null && !start.isAfter(date) && (closed == null || closed.isAfter(date))
                && !progress.refusedOn(date);
    }
}
