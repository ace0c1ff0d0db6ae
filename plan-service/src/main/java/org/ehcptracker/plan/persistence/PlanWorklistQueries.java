package org.ehcptracker.plan.persistence;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;
import org.ehcptracker.plan.domain.WorklistLine;

/**
 * The caseworkers' lists as queries of the inline-projected tables, one council at a time, soonest due first (then
 * by id, so pages are stable). Each filter matches a partial index of V4/V5.
 */
public final class PlanWorklistQueries {

    /** One page of a list and the number of rows in all pages. */
    public record Found(List<WorklistLine> lines, long total) {
    }

    private PlanWorklistQueries() {
    }

    public static Uni<Found> draftsAwaitingFamily(String la, LocalDate today, int page, int size) {
        var query = DraftInProgressEntity.<DraftInProgressEntity>find("localAuthorityCode = ?1 and parentResponseDate"
                + " is null and finalIssuedDate is null and commentsEnd >= ?2",
                Sort.by("commentsEnd").and("caseId"), la, today).page(Page.of(page, size));
        return query.list().chain(rows -> query.count().map(total -> new Found(rows.stream()
                .map(r -> new WorklistLine(r.caseId, r.planId, null, null, r.draftIssuedDate, r.commentsEnd, today))
                .toList(), total)));
    }

    public static Uni<Found> consultationsOverdue(String la, LocalDate today, int page, int size) {
        var query = SettingConsultationEntity.<SettingConsultationEntity>find("localAuthorityCode = ?1 and answeredDate"
                + " is null and caseOpen = true and answerDue < ?2",
                Sort.by("answerDue").and("caseId").and("id.planId").and("id.settingUrn"), la, today).page(Page.of(page, size));
        return query.list().chain(rows -> query.count().map(total -> new Found(rows.stream()
                .map(r -> new WorklistLine(r.caseId, r.id.planId(), null, r.id.settingUrn(), r.consultedDate,
                        r.answerDue, today))
                .toList(), total)));
    }

    /** Plans in force whose review falls due from {@code from} to {@code to}, both included. */
    public static Uni<Found> reviewsDue(String la, LocalDate from, LocalDate to, LocalDate today, int page, int size) {
        var query = PlanInForceEntity.<PlanInForceEntity>find("localAuthorityCode = ?1 and ceasedDate is null"
                + " and reviewDue >= ?2 and reviewDue <= ?3", Sort.by("reviewDue").and("planId"), la, from, to)
                .page(Page.of(page, size));
        return query.list().chain(rows -> query.count().map(total -> new Found(rows.stream()
                .map(r -> new WorklistLine(r.caseId, r.planId, r.openReviewId, null,
                        r.lastReviewMeeting != null ? r.lastReviewMeeting : r.issuedDate, r.reviewDue, today))
                .toList(), total)));
    }

    /** A council's phase transfers of a year by status, as {@code ReviewView.transferStatus} words them. */
    public record TransferCounts(long due, long done, long late) {
    }

    private static final String TRANSFERS_OF_YEAR = "localAuthorityCode = ?1 and phaseTransfer is not null"
            + " and phaseTransferDeadline >= ?2 and phaseTransferDeadline <= ?3";
    /** amended naming a setting (the row keeps the setting named, null when the amended plan named none) */
    private static final String AMENDED_NAMING = "amendedIssuedDate is not null and amendedSetting is not null";

    /**
     * One page of the reviews of the council preparing a move whose deadline falls in {@code year}, soonest first
     * (then by id, so pages are stable).
     */
    public static Uni<List<AnnualReviewEntity>> phaseTransfers(String la, int year, int page, int size) {
        return AnnualReviewEntity.<AnnualReviewEntity>find(TRANSFERS_OF_YEAR,
                Sort.by("phaseTransferDeadline").and("reviewId"), la, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .page(Page.of(page, size)).list();
    }

    /** The counts of all the year's transfers, counted in the database (a council moves a few thousand a year). */
    public static Uni<TransferCounts> phaseTransferCounts(String la, int year, LocalDate today) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        return AnnualReviewEntity.count(TRANSFERS_OF_YEAR, la, from, to)
                .chain(total -> AnnualReviewEntity.count(TRANSFERS_OF_YEAR + " and " + AMENDED_NAMING
                        + " and amendedIssuedDate <= phaseTransferDeadline", la, from, to)
                        .chain(done -> AnnualReviewEntity.count(TRANSFERS_OF_YEAR + " and ((" + AMENDED_NAMING
                                + " and amendedIssuedDate > phaseTransferDeadline) or ((amendedIssuedDate is null"
                                + " or amendedSetting is null) and phaseTransferDeadline < ?4))", la, from, to, today)
                                .map(late -> new TransferCounts(total - done - late, done, late))));
    }

    public static Uni<Found> reviewDecisionsOverdue(String la, LocalDate today, int page, int size) {
        var query = AnnualReviewEntity.<AnnualReviewEntity>find("localAuthorityCode = ?1 and outcome is null"
                + " and decisionDue < ?2", Sort.by("decisionDue").and("reviewId"), la, today).page(Page.of(page, size));
        return reviews(query, today, true);
    }

    public static Uni<Found> amendmentsOverdue(String la, LocalDate today, int page, int size) {
        var query = AnnualReviewEntity.<AnnualReviewEntity>find("localAuthorityCode = ?1 and outcome = 'AMEND'"
                + " and amendedIssuedDate is null and amendedPlanDue < ?2", Sort.by("amendedPlanDue").and("reviewId"),
                la, today).page(Page.of(page, size));
        return reviews(query, today, false);
    }

    private static Uni<Found> reviews(io.quarkus.hibernate.reactive.panache.PanacheQuery<AnnualReviewEntity> query,
                                      LocalDate today, boolean decision) {
        return query.list().chain(rows -> query.count().map(total -> new Found(rows.stream()
                .map(r -> decision
                        ? new WorklistLine(r.caseId, r.planId, r.reviewId, null, r.meetingDate, r.decisionDue, today)
                        : new WorklistLine(r.caseId, r.planId, r.reviewId, null, r.decidedDate, r.amendedPlanDue, today))
                .toList(), total)));
    }
}
