package org.ehcptracker.advice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ehcptracker.advice.domain.Agency;
import org.ehcptracker.advice.domain.AgencyLookup;
import org.ehcptracker.contracts.advice.AdviceType;

/**
 * One row of {@code agency}: a partner agency in a council's directory. {@link #version} makes two
 * concurrent changes of one agency fail the second (optimistic lock) instead of losing the first.
 */
@Entity
@Table(name = "agency")
public class AgencyRow extends PanacheEntityBase {

    @Id
    @Column(name = "agency_id")
    public String agencyId;

    @Column(name = "local_authority_code", nullable = false)
    public String localAuthorityCode;

    @Column(name = "name", nullable = false)
    public String name;

    /** AdviceType codes, comma-separated. */
    @Column(name = "advice_types", nullable = false)
    public String adviceTypes;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(name = "active", nullable = false)
    public boolean active;

    /** Who made the last change (the signed-in actor's subject): the directory is audited like the events. */
    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Version
    @Column(name = "version", nullable = false)
    public int version;

    public static Uni<Optional<AgencyRow>> byId(String agencyId) {
        return AgencyRow.<AgencyRow>findById(agencyId).map(Optional::ofNullable);
    }

    public static Uni<List<AgencyRow>> ofCouncil(String localAuthorityCode) {
        return AgencyRow.<AgencyRow>find("localAuthorityCode", Sort.by("agencyId"), localAuthorityCode).list();
    }

    /** What the directory says about {@code agencyId} for a request of a case of {@code localAuthorityCode}. */
    public static Uni<AgencyLookup> lookup(String localAuthorityCode, String agencyId) {
        return AgencyRow.count("localAuthorityCode", localAuthorityCode)
                .chain(inDirectory -> AgencyRow.byId(agencyId)
                        .map(row -> new AgencyLookup(inDirectory > 0, row.map(AgencyRow::toAgency))));
    }

    public void setAdviceTypes(Set<AdviceType> types) {
        adviceTypes = types.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public Agency toAgency() {
        Set<AdviceType> types = Arrays.stream(adviceTypes.split(",")).filter(t -> !t.isBlank())
                .map(AdviceType::valueOf).collect(Collectors.toSet());
        return new Agency(agencyId, localAuthorityCode, name, types, contactEmail, active);
    }
}
