package org.ehcptracker.advice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ehcptracker.advice.domain.AssessmentCase;
import org.ehcptracker.advice.domain.CaseStatus;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.NationalCurriculumYear;

/**
 * One row of the local view {@code assessment_case}: what advice-service has learnt about a case from
 * assessment-service's topic. Read and written in the caller's session (a command's or the consumer's
 * transaction).
 */
@Entity
@Table(name = "assessment_case")
public class AssessmentCaseRow extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "local_authority_code", nullable = false)
    public String localAuthorityCode;

    /** AssessmentRequested's business date; null only if a decision arrived for a request never seen. */
    @Column(name = "received_date")
    public LocalDate receivedDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public CaseStatus status;

    /** The decision to assess's business date. */
    @Column(name = "decided_date")
    public LocalDate decidedDate;

    /** The business date of the event that closed the case (refused, withdrawn, concluded without a plan). */
    @Column(name = "closed_date")
    public LocalDate closedDate;

    /** AssessmentRequested's pseudonymous child reference (never a name): reminders name the case by it. */
    @Column(name = "child_ref")
    public String childRef;

    /** AssessmentRequested's year group on the day the LA received the request (v3); null when not given. */
    @Enumerated(EnumType.STRING)
    @Column(name = "year_group")
    public NationalCurriculumYear yearGroup;

    /** Whether the council's default advice set was raised for this case (see AdviceFollowUps). */
    @Column(name = "default_set_raised", nullable = false)
    public boolean defaultSetRaised;

    /** The case as the domain sees it; empty when no event of it has arrived. */
    public static Uni<Optional<AssessmentCase>> seen(UUID caseId) {
        return AssessmentCaseRow.<AssessmentCaseRow>findById(caseId)
                .map(row -> Optional.ofNullable(row).map(AssessmentCaseRow::toCase));
    }

    /**
     * Applies one assessment event; the events this view does not track change nothing. A request
     * creates the row or fills in the received date of a row a decision created first (keeping that
     * decision's status); a decision or withdrawal sets the status, creating the row (without a received
     * date) if the request was never seen.
     */
    public static Uni<Void> apply(AssessmentEvent event) {
        Optional<CaseStatus> after = CaseStatus.after(event);
        if (after.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return AssessmentCaseRow.<AssessmentCaseRow>findById(event.caseId()).chain(found -> {
            if (found == null) {
                AssessmentCaseRow row = new AssessmentCaseRow();
                row.caseId = event.caseId();
                row.localAuthorityCode = event.localAuthorityCode();
                row.receivedDate = event instanceof AssessmentRequested ? event.businessDate() : null;
                row.childRef = event instanceof AssessmentRequested requested ? requested.childRef() : null;
                row.yearGroup = event instanceof AssessmentRequested requested ? requested.yearGroup() : null;
                row.status = after.get();
                dates(row, after.get(), event);
                return row.persist().replaceWithVoid();
            }
            if (event instanceof AssessmentRequested requested) {
                found.receivedDate = event.businessDate();
                found.childRef = requested.childRef();
                found.yearGroup = requested.yearGroup();
            } else {
                found.status = after.get();
                dates(found, after.get(), event);
            }
            return Uni.createFrom().voidItem();
        });
    }

    private static void dates(AssessmentCaseRow row, CaseStatus status, AssessmentEvent event) {
        if (status == CaseStatus.ASSESSING) {
            row.decidedDate = event.businessDate();
        }
        if (status.closesAdvice()) {
            row.closedDate = event.businessDate();
        }
    }

    /** Closed cases that still have open advice requests (the follow-up sweep's first list). */
    public static Uni<List<UUID>> closedWithOpenRequests() {
        return AssessmentCaseRow.getSession().chain(session -> session.createNativeQuery(
                "select distinct c.case_id from assessment_case c join advice_request_view r on r.case_id = c.case_id"
                        + " where r.status = 'REQUESTED' and c.status in ('REFUSED', 'WITHDRAWN', 'CONCLUDED_WITHOUT_PLAN')",
                UUID.class).getResultList());
    }

    /** Cases decided for assessment whose default advice set is not raised yet (the sweep's second list). */
    public static Uni<List<UUID>> awaitingDefaultSet() {
        return AssessmentCaseRow.<AssessmentCaseRow>list("status = ?1 and defaultSetRaised = false", CaseStatus.ASSESSING)
                .map(rows -> rows.stream().map(r -> r.caseId).toList());
    }

    public static Uni<Optional<AssessmentCaseRow>> row(UUID caseId) {
        return AssessmentCaseRow.<AssessmentCaseRow>findById(caseId).map(Optional::ofNullable);
    }

    AssessmentCase toCase() {
        return new AssessmentCase(caseId, localAuthorityCode, receivedDate, status);
    }
}
