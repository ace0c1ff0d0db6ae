package org.ehcptracker.advice.persistence;

import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Agency performance per council, agency and advice type, counted over {@code advice_request_view}.
 * Cancelled requests count nowhere (they were never owed); "returned within 6 weeks" takes the first
 * submission (an agency that answered in time stays in time if the LA asks for rework); average days take
 * the final submission (how long the LA waited for usable advice).
 */
public final class AgencyPerformanceQuery {

    private static final String SQL = """
            select local_authority_code, agency_id, advice_type,
                   count(*) filter (where status <> 'CANCELLED')                                   as requests,
                   count(*) filter (where status <> 'CANCELLED' and first_submitted_date <= due_date) as in_time,
                   count(*) filter (where status = 'SUBMITTED')                                    as submitted,
                   avg(submitted_date - requested_date) filter (where status = 'SUBMITTED')         as average_days,
                   count(*) filter (where status = 'REQUESTED')                                    as open_now,
                   count(*) filter (where status = 'REQUESTED' and due_date < :today)              as overdue_now,
                   count(*) filter (where status <> 'CANCELLED' and exception_reason is not null)  as with_exception
              from advice_request_view
             where local_authority_code = :council and (cast(:agency as text) is null or agency_id = :agency)
             group by local_authority_code, agency_id, advice_type
             order by agency_id, advice_type
            """;

    private AgencyPerformanceQuery() {
    }

    /** One line of the figures. {@code averageDays} is null when nothing was submitted. */
    public record Line(String localAuthorityCode, String agencyId, String adviceType, long requests,
                       long returnedWithinSixWeeks, long submitted, BigDecimal averageDays, long openNow, long overdueNow,
                       long withException) {
    }

    /** The council's figures as of {@code today}, for one agency or (agencyId null) all of them. */
    public static Uni<List<Line>> of(Mutiny.Session session, String council, String agencyId, LocalDate today) {
        return session.createNativeQuery(SQL, Object[].class)
                .setParameter("council", council)
                .setParameter("agency", agencyId)
                .setParameter("today", today)
                .getResultList()
                .map(rows -> rows.stream().map(AgencyPerformanceQuery::line).toList());
    }

    private static Line line(Object[] r) {
        return new Line((String) r[0], (String) r[1], (String) r[2], number(r[3]), number(r[4]), number(r[5]),
                r[6] == null ? null : new BigDecimal(r[6].toString()), number(r[7]), number(r[8]), number(r[9]));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
