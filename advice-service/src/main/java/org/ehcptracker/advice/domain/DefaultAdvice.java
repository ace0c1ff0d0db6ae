package org.ehcptracker.advice.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.ehcptracker.contracts.advice.AdviceType;

/**
 * One entry of a council's default advice set: this type of advice, from this agency, is asked for
 * every case the council decides to assess.
 */
public record DefaultAdvice(AdviceType adviceType, String agencyId) {

    public DefaultAdvice {
        Objects.requireNonNull(adviceType, "adviceType");
        Objects.requireNonNull(agencyId, "agencyId");
    }

    /**
     * The requests a decision to assess raises: one per entry, dated the decision date. The request id is
     * derived from the case and the type, so that the default set is raised at most once per case even if
     * the decision were seen twice.
     */
    public static List<RequestAdvice> raisedBy(UUID caseId, LocalDate decisionDate, List<DefaultAdvice> set) {
        return raisedBy(caseId, decisionDate, set, true, Set.of());
    }

    /**
     * The requests a decision to assess raises for this case: the set's preparation-for-adulthood entry only when
     * {@code adulthoodAdviceDue} ({@link PreparationForAdulthood#due}), and no entry of a type the LA already
     * reuses existing advice for (Reg 6(4)).
     */
    public static List<RequestAdvice> raisedBy(UUID caseId, LocalDate decisionDate, List<DefaultAdvice> set,
                                               boolean adulthoodAdviceDue, Set<AdviceType> reused) {
        return set.stream()
                .filter(d -> adulthoodAdviceDue || d.adviceType() != AdviceType.PREPARATION_FOR_ADULTHOOD)
                .filter(d -> !reused.contains(d.adviceType()))
                .map(d -> new RequestAdvice(requestId(caseId, d.adviceType()), caseId, d.adviceType(), d.agencyId(), decisionDate))
                .toList();
    }

    /** The id of the default request of {@code type} for {@code caseId}. */
    public static UUID requestId(UUID caseId, AdviceType type) {
        return UUID.nameUUIDFromBytes(("default-advice:" + caseId + ":" + type).getBytes(StandardCharsets.UTF_8));
    }
}
