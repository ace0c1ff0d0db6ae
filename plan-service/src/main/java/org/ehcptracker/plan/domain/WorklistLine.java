package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One line of a caseworker's list.
 *
 * @param reviewId   the review concerned (review lists), or the plan's open review (reviews due), else null
 * @param settingUrn the setting awaited (consultations), else null
 * @param since      when the wait began: the draft, the consultation, the issue or last meeting, the meeting,
 *                   the decision to amend
 * @param due        the statutory date
 * @param daysPastDue days from due to today: positive when overdue, 0 on the day, negative while time remains
 */
public record WorklistLine(UUID caseId, UUID planId, UUID reviewId, String settingUrn, LocalDate since, LocalDate due,
                           long daysPastDue) {

    public WorklistLine(UUID caseId, UUID planId, UUID reviewId, String settingUrn, LocalDate since, LocalDate due,
                        LocalDate today) {
        this(caseId, planId, reviewId, settingUrn, since, due, ChronoUnit.DAYS.between(due, today));
    }
}
