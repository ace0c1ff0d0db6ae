package org.ehcptracker.plan.domain;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.ehcptracker.contracts.plan.SenNeedType;
import org.ehcptracker.contracts.plan.SenNeedsRecorded;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.domain.DecisionContext;

/**
 * The child's SEN needs on a plan (docs/plan-service.md, "SEN needs"): the types of need section B describes, ranked,
 * on the plan's own stream. Recorded at issue, corrected, or changed after an amendment; a ceased plan's needs may
 * still be corrected for the time it was in force (a SEN2 return looks back).
 */
public final class SenNeedsDecider {

    private SenNeedsDecider() {
    }

    public static List<PlanEvent> decide(RecordSenNeeds c, PlanLife life, Optional<PlanInForce> plan,
                                         DecisionContext ctx) {
        LocalDate from = requireDate(c.effectiveDate());
        List<SenNeedType> needs = requireNeeds(c.needs());
        PlanInForce p = plan.orElseThrow(() -> CommandRejected.notFound("no plan in force " + c.planId()));
        if (from.isBefore(p.issuedDate())) {
            throw CommandRejected.unprocessable("effectiveDate", "effectiveDate " + from + " is before the plan was"
                    + " issued (" + p.issuedDate() + ")");
        }
        if (from.isAfter(ctx.today())) {
            throw CommandRejected.invalid("effectiveDate", "effectiveDate " + from + " is in the future (today is "
                    + ctx.today() + ")");
        }
        if (life instanceof PlanLife.Ceased done && from.isAfter(done.ceasedDate())) {
            throw CommandRejected.unprocessable("effectiveDate", "effectiveDate " + from + " is after the plan ceased"
                    + " (" + done.ceasedDate() + ")");
        }
        SenNeedsRecorded held = life.needs();
        if (held != null && held.businessDate().equals(from) && held.needs().equals(needs)) {
            return List.of(); // the same recording again (a retry): nothing changes
        }
        return List.of(new SenNeedsRecorded(ctx.nextEventId(), p.caseId(), p.localAuthorityCode(), from, ctx.now(),
                SenNeedsRecorded.SCHEMA_VERSION, p.planId(), needs));
    }

    private static LocalDate requireDate(LocalDate date) {
        if (date == null) {
            throw CommandRejected.invalid("effectiveDate", "effectiveDate is required: the date from which the plan"
                    + " describes these needs, e.g. its issue date");
        }
        return date;
    }

    private static List<SenNeedType> requireNeeds(List<SenNeedType> needs) {
        if (needs == null || needs.isEmpty()) {
            throw CommandRejected.invalid("needs", "needs is required: at least one type of need, the primary first,"
                    + " e.g. [\"ASD\", \"SLCN\"]");
        }
        Set<SenNeedType> seen = new HashSet<>();
        for (int i = 0; i < needs.size(); i++) {
            SenNeedType need = needs.get(i);
            if (need == null) {
                throw CommandRejected.invalid("needs[" + i + "]", "needs[" + i + "] is null: name a type of need");
            }
            if (!seen.add(need)) {
                throw CommandRejected.invalid("needs[" + i + "]", need + " is named twice: each type of need has one"
                        + " rank");
            }
        }
        return List.copyOf(needs);
    }
}
