package org.ehcptracker.reporting.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentOutcome;
import org.ehcptracker.reporting.domain.CaseProgress;

/**
 * Table {@code case_progress}. An event is merged in Java ({@link CaseProgress#apply}) on the row
 * read under {@code FOR UPDATE}: the three topic consumers may update the same case at the same
 * time, and the row lock makes each read-merge-write atomic; the merge itself does not depend on
 * arrival order.
 */
@ApplicationScoped
public class CaseProgressStore {

    private static final String COLUMNS = "case_id, local_authority_code, received_date, transferred_in_date, "
            + "decision, decision_date, withdrawn_date, assessment_outcome, assessment_outcome_date, "
            + "final_plan_issued_date, issue_clock_start, mediation_or_tribunal, has_20_week_exception";

    private final Pool pool;

    public CaseProgressStore(Pool pool) {
        this.pool = pool;
    }

    /** Merges the event into its case's row, inside {@code tx}. */
    public Uni<Void> apply(SqlConnection tx, IntegrationEvent event) {
        UUID caseId = event.caseId();
        return tx.preparedQuery("insert into case_progress (case_id) values ($1) on conflict do nothing")
                .execute(Tuple.of(caseId))
                .chain(() -> tx.preparedQuery("select " + COLUMNS + " from case_progress where case_id = $1 for update")
                        .execute(Tuple.of(caseId)))
                .map(rows -> read(rows.iterator().next()).apply(event))
                .chain(updated -> write(tx, updated));
    }

    /** Every case row of a local authority. */
    public Uni<List<CaseProgress>> forLocalAuthority(String localAuthorityCode) {
        return pool.preparedQuery("select " + COLUMNS + " from case_progress where local_authority_code = $1")
                .execute(Tuple.of(localAuthorityCode))
                .map(rows -> {
                    List<CaseProgress> result = new ArrayList<>();
                    rows.forEach(r -> result.add(read(r)));
                    return result;
                });
    }

    private Uni<Void> write(SqlConnection tx, CaseProgress c) {
        return tx.preparedQuery("""
                        update case_progress set
                            local_authority_code = $2, received_date = $3, transferred_in_date = $4,
                            clock_start = $5, status = $6, closed_date = $7,
                            decision = $8, decision_date = $9, withdrawn_date = $10,
                            assessment_outcome = $11, assessment_outcome_date = $12,
                            final_plan_issued_date = $13, issue_clock_start = $14,
                            within_20_weeks = $15, days_to_issue = $16,
                            mediation_or_tribunal = $17, has_20_week_exception = $18
                        where case_id = $1""")
                .execute(Tuple.from(Arrays.asList(
                        c.caseId(), c.localAuthorityCode(), c.receivedDate(), c.transferredInDate(),
                        c.clockStart(), c.status().name(), c.closedDate(),
                        c.decision() == null ? null : c.decision().name(), c.decisionDate(), c.withdrawnDate(),
                        c.assessmentOutcome() == null ? null : c.assessmentOutcome().name(), c.assessmentOutcomeDate(),
                        c.finalPlanIssuedDate(), c.issueClockStart(),
                        c.within20Weeks(), c.daysToIssue(),
                        c.mediationOrTribunal(), c.has20WeekException())))
                .replaceWithVoid();
    }

    private static CaseProgress read(Row r) {
        String decision = r.getString("decision");
        String outcome = r.getString("assessment_outcome");
        return new CaseProgress(
                r.getUUID("case_id"),
                r.getString("local_authority_code"),
                r.getLocalDate("received_date"),
                r.getLocalDate("transferred_in_date"),
                decision == null ? null : AssessmentDecision.valueOf(decision),
                r.getLocalDate("decision_date"),
                r.getLocalDate("withdrawn_date"),
                outcome == null ? null : AssessmentOutcome.valueOf(outcome),
                r.getLocalDate("assessment_outcome_date"),
                r.getLocalDate("final_plan_issued_date"),
                r.getLocalDate("issue_clock_start"),
                r.getBoolean("mediation_or_tribunal"),
                r.getBoolean("has_20_week_exception"));
    }
}
