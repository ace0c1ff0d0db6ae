package org.ehcptracker.advice.persistence;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/** The SQL of the reminder outbox ({@code reminder}); see docs/advice-service.md "Reminders". */
public final class ReminderOutboxRows {

    private ReminderOutboxRows() {
    }

    /** An open request an active agency of the directory has to answer, with where its notices go. */
    public record OpenRequest(UUID adviceRequestId, UUID caseId, String adviceType, String agencyId, String agencyName,
                              String recipient, LocalDate requestedDate, LocalDate dueDate, String childRef) {
    }

    /** A notice waiting to be sent. */
    public record Pending(long id, String recipient, String subject, String body, int attempts) {
    }

    /** Open requests due on or before {@code horizon}, addressed to an active agency with a contact address. */
    public static Uni<List<OpenRequest>> openUntil(Mutiny.Session session, LocalDate horizon) {
        return session.createNativeQuery("""
                        select r.advice_request_id, r.case_id, r.advice_type, r.agency_id, a.name, a.contact_email,
                               r.requested_date, r.due_date, c.child_ref
                          from advice_request_view r
                          join agency a on a.agency_id = r.agency_id and a.active
                          left join assessment_case c on c.case_id = r.case_id
                         where r.status = 'REQUESTED' and r.due_date <= :horizon
                        """, Object[].class)
                .setParameter("horizon", horizon)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new OpenRequest((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5], (LocalDate) r[6], (LocalDate) r[7], (String) r[8])).toList());
    }

    /** Adds a notice unless one with the same request, reason and date exists; answers whether it was added. */
    public static Uni<Boolean> addOnce(Mutiny.Session session, UUID adviceRequestId, String reason, LocalDate reasonDate,
                                       String agencyId, String recipient, String subject, String body, Instant now) {
        return session.createNativeQuery("""
                        insert into reminder (advice_request_id, reason, reason_date, agency_id, recipient, subject, body,
                                              status, next_attempt_at, created_at)
                        values (:request, :reason, :reasonDate, :agency, :recipient, :subject, :body, 'PENDING', :now, :now)
                        on conflict (advice_request_id, reason, reason_date) do nothing
                        """)
                .setParameter("request", adviceRequestId)
                .setParameter("reason", reason)
                .setParameter("reasonDate", reasonDate)
                .setParameter("agency", agencyId)
                .setParameter("recipient", recipient)
                .setParameter("subject", subject)
                .setParameter("body", body)
                .setParameter("now", now)
                .executeUpdate()
                .map(n -> n > 0);
    }

    /**
     * Up to {@code batch} notices due for sending, locked for this transaction: another instance skips them
     * ({@code for update skip locked}), so two senders never send one notice twice.
     */
    public static Uni<List<Pending>> lockDue(Mutiny.Session session, Instant now, int batch) {
        return session.createNativeQuery("""
                        select id, recipient, subject, body, attempts from reminder
                         where status = 'PENDING' and next_attempt_at <= :now
                         order by id limit :batch
                         for update skip locked
                        """, Object[].class)
                .setParameter("now", now)
                .setParameter("batch", batch)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Pending(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                        (String) r[3], ((Number) r[4]).intValue())).toList());
    }

    public static Uni<Void> sent(Mutiny.Session session, long id, Instant at) {
        return session.createNativeQuery("update reminder set status = 'SENT', sent_at = :at, attempts = attempts + 1,"
                        + " last_error = null where id = :id")
                .setParameter("at", at).setParameter("id", id).executeUpdate().replaceWithVoid();
    }

    /** A failed try: retried at {@code retryAt}, or given up (FAILED) when {@code giveUp}. */
    public static Uni<Void> failed(Mutiny.Session session, long id, String error, Instant retryAt, boolean giveUp) {
        return session.createNativeQuery("update reminder set attempts = attempts + 1, last_error = :error,"
                        + " next_attempt_at = :retryAt, status = :status where id = :id")
                .setParameter("error", error == null ? "unknown" : error.length() > 500 ? error.substring(0, 500) : error)
                .setParameter("retryAt", retryAt)
                .setParameter("status", giveUp ? "FAILED" : "PENDING")
                .setParameter("id", id)
                .executeUpdate().replaceWithVoid();
    }
}
