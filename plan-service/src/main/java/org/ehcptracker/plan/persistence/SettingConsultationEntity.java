package org.ehcptracker.plan.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/** A row of {@code setting_consultation}: one setting consulted for a plan's draft (each plan of a case consults afresh), kept by {@link PlanMakingProjection}. */
@Entity
@Table(name = "setting_consultation")
public class SettingConsultationEntity extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "plan_id") UUID planId, @Column(name = "setting_urn") String settingUrn)
            implements Serializable {
    }

    @EmbeddedId
    public Key id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "local_authority_code", nullable = false)
    public String localAuthorityCode;

    @Column(name = "consulted_date", nullable = false)
    public LocalDate consultedDate;

    @Column(name = "answer_due", nullable = false)
    public LocalDate answerDue;

    @Column(name = "answered_date")
    public LocalDate answeredDate;

    @Column(name = "case_open", nullable = false)
    public boolean caseOpen;
}
