package org.ehcptracker.reporting.persistence;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.ehcptracker.reporting.domain.CaseProgress;

/**
 * Reading table {@code case_progress} ({@link CaseProgressRow}). It is written a batch at a time by
 * {@link ProjectionBatchStore} (events merged in Java by {@link CaseProgress#apply} on rows read under a row lock).
 */
@ApplicationScoped
public class CaseProgressStore {

    /** Every case row of a local authority; inside an open session (Panache). */
    public Uni<List<CaseProgress>> forLocalAuthority(String localAuthorityCode) {
        return CaseProgressRow.<CaseProgressRow>list("localAuthorityCode", localAuthorityCode)
                .map(rows -> rows.stream().map(CaseProgressRow::toCaseProgress).toList());
    }
}
