package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the API shows of a plan in force.
 *
 * @param status          IN_FORCE or CEASED
 * @param reviewDue       12 months after the issue or the last review meeting
 * @param reviewOverdue   in force, and today is after reviewDue with no meeting since
 * @param openReviewId    the review held and not finished, or null
 * @param reviews         every review of the plan, oldest first
 */
public record PlanInForceView(UUID planId, UUID caseId, String localAuthorityCode, String status,
                              LocalDate issuedDate, Boolean adviceOutstandingAtIssue, LocalDate lastReviewMeeting,
                              LocalDate reviewDue, boolean reviewOverdue, UUID openReviewId, LocalDate ceasedDate,
                              String ceaseReason, List<ReviewView> reviews) {
}
