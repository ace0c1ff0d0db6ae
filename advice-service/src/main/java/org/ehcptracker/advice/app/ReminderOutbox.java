package org.ehcptracker.advice.app;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ehcptracker.advice.domain.AdviceRequestStatus;
import org.ehcptracker.advice.domain.ReminderSchedule;
import org.ehcptracker.advice.persistence.ReminderOutboxRows;
import org.ehcptracker.advice.persistence.ReminderOutboxRows.OpenRequest;
import org.ehcptracker.advice.persistence.ReminderOutboxRows.Pending;
import org.ehcptracker.kit.persistence.Transactions;
import org.jboss.logging.Logger;

/**
 * Reminders and overdue notices to agencies, through an outbox: {@link #plan} adds the notices owed as of a
 * day (at most once per request, reason and date), {@link #send} mails the pending ones through
 * quarkus-mailer, locking them so that two instances never send one twice, and retries a failure later.
 * The day and the instant are parameters (the timer passes the council's clock), so tests drive them.
 */
@ApplicationScoped
public class ReminderOutbox {

    private static final Logger LOG = Logger.getLogger(ReminderOutbox.class);

    private final ReactiveMailer mailer;
    private final ReminderConfig config;

    public ReminderOutbox(ReactiveMailer mailer, ReminderConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    /** Adds the notices owed as of {@code today}; answers how many were new. */
    public Uni<Integer> plan(LocalDate today, Instant now) {
        ReminderSchedule schedule = new ReminderSchedule(config.daysBeforeDue(), config.overdueEveryDays());
        return Transactions.inTransaction(session -> ReminderOutboxRows.openUntil(session, today.plusDays(config.daysBeforeDue()))
                .chain(open -> {
                    Uni<Integer> added = Uni.createFrom().item(0);
                    for (OpenRequest r : open) {
                        for (ReminderSchedule.Reminder owed : schedule.owed(AdviceRequestStatus.REQUESTED, r.dueDate(), today)) {
                            added = added.chain(n -> ReminderOutboxRows.addOnce(session, r.adviceRequestId(),
                                            owed.reason().name(), owed.reasonDate(), r.agencyId(), r.recipient(),
                                            subject(r, owed), body(r, owed), now)
                                    .map(isNew -> isNew ? n + 1 : n));
                        }
                    }
                    return added;
                }));
    }

    /** Sends the notices due at {@code now}, one batch in one transaction; answers how many were sent. */
    public Uni<Integer> send(Instant now) {
        return Transactions.inTransaction(session -> ReminderOutboxRows.lockDue(session, now, config.batch())
                .chain(due -> {
                    Uni<Integer> sent = Uni.createFrom().item(0);
                    for (Pending p : due) {
                        sent = sent.chain(n -> mailer.send(Mail.withText(p.recipient(), p.subject(), p.body()).setFrom(config.from()))
                                .chain(() -> ReminderOutboxRows.sent(session, p.id(), now)).map(ignored -> n + 1)
                                .onFailure().recoverWithUni(e -> {
                                    boolean giveUp = p.attempts() + 1 >= config.maxAttempts();
                                    Instant retryAt = now.plus(Duration.ofMinutes(1L << Math.min(p.attempts(), 12)));
                                    LOG.warnf("reminder %d to %s not sent (try %d%s): %s", p.id(), p.recipient(),
                                            p.attempts() + 1, giveUp ? ", given up" : ", retried at " + retryAt, e.getMessage());
                                    return ReminderOutboxRows.failed(session, p.id(), e.getMessage(), retryAt, giveUp)
                                            .replaceWith(n);
                                }));
                    }
                    return sent;
                }));
    }

    /** What the agency sees first: what, for which case (its pseudonymous reference), by when, how late. */
    static String subject(OpenRequest r, ReminderSchedule.Reminder owed) {
        String what = r.adviceType() + " advice for case " + reference(r);
        return switch (owed.reason()) {
            case DUE_SOON -> "Advice due on " + r.dueDate() + ": " + what;
            case DUE_TODAY -> "Advice due today, " + r.dueDate() + ": " + what;
            case OVERDUE -> "Advice overdue by " + owed.daysLate() + " days (due " + r.dueDate() + "): " + what;
        };
    }

    static String body(OpenRequest r, ReminderSchedule.Reminder owed) {
        String state = switch (owed.reason()) {
            case DUE_SOON -> "is due on " + r.dueDate() + ", in " + java.time.temporal.ChronoUnit.DAYS.between(owed.reasonDate(), r.dueDate())
                    + " days";
            case DUE_TODAY -> "is due today, " + r.dueDate();
            case OVERDUE -> "was due on " + r.dueDate() + " and is " + owed.daysLate() + " days late";
        };
        return "To " + r.agencyName() + " (" + r.agencyId() + "),\n\n"
                + "The " + r.adviceType() + " advice requested from you on " + r.requestedDate() + " for case "
                + reference(r) + " " + state + " (6 weeks from the day you received the request, SEND Regulations 2014,"
                + " reg. 8(1)).\n\n"
                + "Advice request: " + r.adviceRequestId() + "\n"
                + "Submit it with POST /api/advice-requests/" + r.adviceRequestId() + "/submission,"
                + " or see your open requests with GET /api/agencies/" + r.agencyId() + "/inbox?status=open.\n\n"
                + "This notice names the case only by its reference; it holds no personal details.\n";
    }

    private static String reference(OpenRequest r) {
        return r.childRef() != null ? r.childRef() : r.caseId().toString();
    }

    /** Both steps, as the timer runs them. */
    public Uni<Integer> planAndSend(LocalDate today, Instant now) {
        if (!config.enabled()) {
            return Uni.createFrom().item(0);
        }
        return plan(today, now).chain(() -> send(now));
    }

}
