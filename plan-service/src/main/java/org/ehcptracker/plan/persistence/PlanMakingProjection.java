package org.ehcptracker.plan.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.plan.ConsultationAnswered;
import org.ehcptracker.contracts.plan.DraftPlanIssued;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.contracts.plan.ParentResponseReceived;
import org.ehcptracker.contracts.plan.SettingConsulted;
import org.ehcptracker.kit.app.InlineProjection;
import org.ehcptracker.statutory.StatutoryClock;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps {@code draft_in_progress} and {@code setting_consultation} in step with the case's plan events inside the
 * transaction that appends them (the case's stream version already orders them, so plain updates suffice). Rows are
 * keyed by planId: a case whose plan ceased makes its next plan in new rows.
 */
@ApplicationScoped
public class PlanMakingProjection implements InlineProjection {

    @Override
    public String name() {
        return "plan-making";
    }

    @Override
    public Uni<Void> apply(Mutiny.Session session, List<? extends IntegrationEvent> events) {
        return InlineProjection.oneAfterAnother(events, event -> applyOne(session, event));
    }

    private Uni<Void> applyOne(Mutiny.Session session, IntegrationEvent event) {
        if (event instanceof DraftPlanIssued d) {
            DraftInProgressEntity row = new DraftInProgressEntity();
            row.caseId = d.caseId();
            row.planId = d.planId();
            row.localAuthorityCode = d.localAuthorityCode();
            row.draftIssuedDate = d.businessDate();
            row.commentsEnd = StatutoryClock.parentCommentsDue(d.businessDate());
            return session.persist(row);
        }
        if (event instanceof ParentResponseReceived r) {
            return session.find(DraftInProgressEntity.class, r.planId()).invoke(row -> {
                if (row != null) {
                    row.parentResponseDate = r.businessDate();
                }
            }).replaceWithVoid();
        }
        if (event instanceof SettingConsulted c) {
            SettingConsultationEntity row = new SettingConsultationEntity();
            row.id = new SettingConsultationEntity.Key(c.planId(), c.settingUrn());
            row.caseId = c.caseId();
            row.localAuthorityCode = c.localAuthorityCode();
            row.consultedDate = c.businessDate();
            row.answerDue = c.consultationDueDate();
            row.caseOpen = true;
            return session.persist(row);
        }
        if (event instanceof ConsultationAnswered a) {
            return session.find(SettingConsultationEntity.class, new SettingConsultationEntity.Key(a.planId(),
                    a.settingUrn())).invoke(row -> {
                        if (row != null) {
                            row.answeredDate = a.businessDate();
                        }
                    }).replaceWithVoid();
        }
        if (event instanceof FinalPlanIssued f) {
            return session.find(DraftInProgressEntity.class, f.planId()).invoke(row -> {
                if (row != null) {
                    row.finalIssuedDate = f.businessDate();
                }
            }).chain(() -> session.createMutationQuery("update SettingConsultationEntity set caseOpen = false"
                    + " where id.planId = :planId").setParameter("planId", f.planId()).executeUpdate())
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
