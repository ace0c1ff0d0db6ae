package org.ehcptracker.plan.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A row of {@code parent_response}: the family's comments on the draft, kept only in plan-service (the
 * event {@code ParentResponseReceived} carries the date and the setting asked for, never the text); one per plan's
 * draft.
 */
@Entity
@Table(name = "parent_response")
public class ParentResponseEntity extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "received_date", nullable = false)
    public LocalDate receivedDate;

    @Column(name = "comments")
    public String comments;

    public static Uni<Void> record(UUID caseId, UUID planId, LocalDate receivedDate, String comments) {
        ParentResponseEntity row = new ParentResponseEntity();
        row.caseId = caseId;
        row.planId = planId;
        row.receivedDate = receivedDate;
        row.comments = comments;
        return row.persist().replaceWithVoid();
    }

    /** The comments on the draft of plan {@code planId}, or null when none were recorded. */
    public static Uni<String> comments(UUID planId) {
        return ParentResponseEntity.<ParentResponseEntity>findById(planId).map(row -> row == null ? null : row.comments);
    }

    /**
     * Erases the family's comments of a case (PersonalDetailsErased): the row stays with its date, so the draft's
     * history is unchanged. In the caller's session (the consumer's transaction); a repeat erases nothing more.
     */
    public static Uni<Void> erase(Mutiny.Session session, UUID caseId) {
        return session.createNativeQuery("update parent_response set comments = null where case_id = ?1 and comments is not null")
                .setParameter(1, caseId)
                .executeUpdate()
                .replaceWithVoid();
    }
}
