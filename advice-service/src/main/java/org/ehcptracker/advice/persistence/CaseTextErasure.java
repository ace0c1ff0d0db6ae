package org.ehcptracker.advice.persistence;

import io.smallrye.mutiny.Uni;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Erases every free text this service holds about one case, when assessment-service publishes
 * {@code PersonalDetailsErased}: the agencies' advice summaries ({@code advice_submission.summary}) and the
 * caseworkers' rework notes ({@code advice_rework.note}), cancellation notes ({@code advice_cancellation.note}) and notes on
 * reused advice ({@code advice_reuse.note}). Codes, dates and who did what stay, so the agency
 * measures and the case's history are unchanged. Runs in the consumer's session, so the erasure and the
 * processed_event row commit together; a repeat blanks nothing more.
 */
public final class CaseTextErasure {

    private static final String REQUESTS_OF_CASE =
            "(select advice_request_id from advice_request_view where case_id = ?1)";

    private CaseTextErasure() {
    }

    public static Uni<Void> erase(Mutiny.Session session, UUID caseId) {
        return session.createNativeQuery("update advice_submission set summary = null where summary is not null"
                        + " and advice_request_id in " + REQUESTS_OF_CASE)
                .setParameter(1, caseId)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("update advice_rework set note = null where note is not null"
                                + " and advice_request_id in " + REQUESTS_OF_CASE)
                        .setParameter(1, caseId)
                        .executeUpdate())
                .chain(() -> session.createNativeQuery("update advice_cancellation set note = null where note is not null"
                                + " and advice_request_id in " + REQUESTS_OF_CASE)
                        .setParameter(1, caseId)
                        .executeUpdate())
                .chain(() -> session.createNativeQuery("update advice_reuse set note = null where note is not null"
                                + " and case_id = ?1")
                        .setParameter(1, caseId)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
