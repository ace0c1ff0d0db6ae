package org.ehcptracker.advice.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code ehcp.advice.reminders.*}: when agencies are reminded, and how the outbox is sent. Env: EHCP_ADVICE_REMINDERS_*. */
@ConfigMapping(prefix = "ehcp.advice.reminders")
public interface ReminderConfig {

    /** Off: nothing is planned or sent (the outbox keeps what it has). */
    @WithDefault("true")
    boolean enabled();

    /** The "due soon" notice goes this many days before the due date. */
    @WithDefault("7")
    int daysBeforeDue();

    /** After the due date, an overdue notice every this many days while the request is open. */
    @WithDefault("7")
    int overdueEveryDays();

    /** The sender address of the notices. */
    @WithDefault("advice-reminders@ehcp-tracker.example")
    String from();

    /** Between two rounds of planning and sending. */
    @WithDefault("PT15M")
    Duration interval();

    /** Notices sent per round and transaction. */
    @WithDefault("20")
    int batch();

    /** Tries before a notice is given up (FAILED); the wait doubles from one minute after each failure. */
    @WithDefault("8")
    int maxAttempts();
}
