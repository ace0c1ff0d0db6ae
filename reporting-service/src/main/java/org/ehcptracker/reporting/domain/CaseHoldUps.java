package org.ehcptracker.reporting.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceExceptionRecorded;
import org.ehcptracker.contracts.advice.AdviceRequestCancelled;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceReturnedForRework;
import org.ehcptracker.contracts.advice.AdviceSubmitted;
import org.ehcptracker.contracts.assessment.ExceptionCorrected;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.ExceptionWithdrawn;
import org.ehcptracker.contracts.plan.ConsultationAnswered;
import org.ehcptracker.contracts.plan.DraftPlanIssued;
import org.ehcptracker.contracts.plan.ParentResponseReceived;
import org.ehcptracker.contracts.plan.SettingConsulted;

/**
 * What holds an open case at its stage on a day, from the case's events as reporting-service sees them (the
 * worklist's "held up by" column, docs/front-end.md): advice past its 6 weeks, advice whose lateness an exception
 * excuses, the family's 15 days on the draft still running, a consulted setting's answer past its 15 days, an
 * exception to a time limit in force. A closed case (plan issued, no plan, withdrawn, refused) is held up by nothing.
 *
 * <p>Pure: the events in any order give the same answer (facts of one request or setting are compared by their
 * business dates, then by when they were recorded).
 */
public final class CaseHoldUps {

    /** Why a case waits, in the order the worklist lists them. */
    public enum Reason {
        /** An advice request past its due date, neither sent nor cancelled ({@code code}: the advice type). */
        ADVICE_OVERDUE,
        /** An open advice request past its due date with an exception recorded against it ({@code code}: advice type). */
        ADVICE_EXCEPTION,
        /** A setting consulted on the draft has not answered within its 15 days ({@code code}: the setting's URN). */
        CONSULTATION_OVERDUE,
        /** The family's 15 days on the draft still run and they have not answered ({@code code}: null). */
        FAMILY_RESPONSE,
        /** An exception to a statutory time limit in force ({@code code}: the exception's reason). */
        EXCEPTION
    }

    /**
     * One hold-up.
     *
     * @param code     what it is about, a code (see {@link Reason}); never free text
     * @param since    when the wait began (the request, the consultation, the draft, the exception's start)
     * @param until    the due date (the exception's end; null for an open-ended exception)
     * @param daysLate days past {@code until} on the day asked (0 when not past it)
     */
    public record HoldUp(Reason reason, String code, LocalDate since, LocalDate until, long daysLate) {
    }

    private CaseHoldUps() {
    }

    /** The case's hold-ups on {@code today}, in {@link Reason} order, then oldest first. */
    public static List<HoldUp> on(LocalDate today, Collection<? extends IntegrationEvent> events) {
        CaseProgress progress = events.isEmpty() ? null : CaseProgress.empty(events.iterator().next().caseId());
        for (IntegrationEvent e : events) {
            if (CaseProgress.isAffectedBy(e)) {
                progress = progress.apply(e);
            }
        }
        if (progress == null || progress.status() != CaseStatus.OPEN) {
            return List.of();
        }
        List<IntegrationEvent> ordered = events.stream()
                .sorted(Comparator.comparing(IntegrationEvent::businessDate).thenComparing(IntegrationEvent::occurredAt))
                .map(e -> (IntegrationEvent) e).toList();
        List<HoldUp> holdUps = new ArrayList<>();
        advice(today, ordered, holdUps);
        plan(today, ordered, holdUps);
        exceptions(today, ordered, holdUps);
        holdUps.sort(Comparator.comparing(HoldUp::reason).thenComparing(HoldUp::since));
        return List.copyOf(holdUps);
    }

    /** Each request is open from its request, closed by a submission, reopened by a rework, closed for good by a cancellation. */
    private static void advice(LocalDate today, List<IntegrationEvent> ordered, List<HoldUp> holdUps) {
        Map<UUID, AdviceRequested> requests = new LinkedHashMap<>();
        Map<UUID, Boolean> open = new HashMap<>();
        Set<UUID> excused = new HashSet<>();
        Set<UUID> cancelled = new HashSet<>();
        for (IntegrationEvent e : ordered) {
            if (e instanceof AdviceRequested r) {
                requests.put(r.adviceRequestId(), r);
                open.putIfAbsent(r.adviceRequestId(), true);
            } else if (e instanceof AdviceSubmitted s) {
                open.put(s.adviceRequestId(), false);
            } else if (e instanceof AdviceReturnedForRework w) {
                open.put(w.adviceRequestId(), true);
            } else if (e instanceof AdviceRequestCancelled c) {
                cancelled.add(c.adviceRequestId());
            } else if (e instanceof AdviceExceptionRecorded x) {
                excused.add(x.adviceRequestId());
            }
        }
        requests.forEach((id, r) -> {
            if (open.getOrDefault(id, false) && !cancelled.contains(id) && today.isAfter(r.dueDate())) {
                holdUps.add(new HoldUp(excused.contains(id) ? Reason.ADVICE_EXCEPTION : Reason.ADVICE_OVERDUE,
                        r.adviceType().name(), r.businessDate(), r.dueDate(), daysLate(r.dueDate(), today)));
            }
        });
    }

    /** The latest draft: the family's 15 days while they run unanswered; each consulted setting not answered since. */
    private static void plan(LocalDate today, List<IntegrationEvent> ordered, List<HoldUp> holdUps) {
        DraftPlanIssued draft = null;
        boolean familyAnswered = false;
        Map<String, SettingConsulted> consulted = new LinkedHashMap<>();
        for (IntegrationEvent e : ordered) {
            if (e instanceof DraftPlanIssued d) {
                draft = d;
                familyAnswered = false;
            } else if (e instanceof ParentResponseReceived) {
                familyAnswered = true;
            } else if (e instanceof SettingConsulted c) {
                consulted.put(c.settingUrn(), c);
            } else if (e instanceof ConsultationAnswered a) {
                consulted.remove(a.settingUrn());
            }
        }
        if (draft != null && !familyAnswered) {
            LocalDate until = org.ehcptracker.statutory.StatutoryClock.parentCommentsDue(draft.businessDate());
            if (!today.isAfter(until)) {
                holdUps.add(new HoldUp(Reason.FAMILY_RESPONSE, null, draft.businessDate(), until, 0));
            }
        }
        consulted.values().stream().filter(c -> today.isAfter(c.consultationDueDate())).forEach(c -> holdUps.add(
                new HoldUp(Reason.CONSULTATION_OVERDUE, c.settingUrn(), c.businessDate(), c.consultationDueDate(),
                        daysLate(c.consultationDueDate(), today))));
    }

    /** Exceptions begun by today and not ended before it (a correction moves the end); withdrawn ones never counted. */
    private static void exceptions(LocalDate today, List<IntegrationEvent> ordered, List<HoldUp> holdUps) {
        Map<UUID, ExceptionRecorded> recorded = new LinkedHashMap<>();
        Map<UUID, LocalDate> ends = new HashMap<>();
        Set<UUID> withdrawn = new HashSet<>();
        for (IntegrationEvent e : ordered) {
            if (e instanceof ExceptionRecorded x) {
                recorded.put(x.exceptionId(), x);
                ends.putIfAbsent(x.exceptionId(), x.endDate());
            } else if (e instanceof ExceptionCorrected c) {
                ends.put(c.exceptionId(), c.endDate());
            } else if (e instanceof ExceptionWithdrawn w) {
                withdrawn.add(w.exceptionId());
            }
        }
        recorded.forEach((id, x) -> {
            LocalDate end = ends.get(id);
            if (!withdrawn.contains(id) && !x.startDate().isAfter(today) && (end == null || !end.isBefore(today))) {
                holdUps.add(new HoldUp(Reason.EXCEPTION, x.reason().name(), x.startDate(), end, 0));
            }
        });
    }

    private static long daysLate(LocalDate due, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(due, today));
    }
}
