package org.ehcptracker.advice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ehcptracker.advice.domain.DefaultAdvice;
import org.ehcptracker.contracts.advice.AdviceType;

/** One row of {@code default_advice}: a council's default agency for one type of advice. */
@Entity
@Table(name = "default_advice")
public class DefaultAdviceRow extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(name = "agency_id", nullable = false)
    public String agencyId;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "local_authority_code")
        public String localAuthorityCode;

        @Column(name = "advice_type")
        public String adviceType;

        public Key() {
        }

        public Key(String localAuthorityCode, String adviceType) {
            this.localAuthorityCode = localAuthorityCode;
            this.adviceType = adviceType;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(localAuthorityCode, k.localAuthorityCode)
                    && Objects.equals(adviceType, k.adviceType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(localAuthorityCode, adviceType);
        }
    }

    public static Uni<List<DefaultAdvice>> ofCouncil(String localAuthorityCode) {
        return DefaultAdviceRow.<DefaultAdviceRow>find("key.localAuthorityCode", Sort.by("key.adviceType"), localAuthorityCode)
                .list()
                .map(rows -> rows.stream()
                        .map(r -> new DefaultAdvice(AdviceType.valueOf(r.key.adviceType), r.agencyId)).toList());
    }

    /** Replaces the council's whole set. */
    public static Uni<Void> replace(String localAuthorityCode, List<DefaultAdvice> set, String changedBy, Instant changedAt) {
        return DefaultAdviceRow.delete("key.localAuthorityCode", localAuthorityCode).chain(() -> {
            List<DefaultAdviceRow> rows = set.stream().map(d -> {
                DefaultAdviceRow row = new DefaultAdviceRow();
                row.key = new Key(localAuthorityCode, d.adviceType().name());
                row.agencyId = d.agencyId();
                row.changedBy = changedBy;
                row.changedAt = changedAt;
                return row;
            }).toList();
            return DefaultAdviceRow.persist(rows);
        });
    }
}
