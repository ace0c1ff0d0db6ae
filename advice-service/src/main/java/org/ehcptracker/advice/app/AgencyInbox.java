package org.ehcptracker.advice.app;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.ehcptracker.advice.domain.AdviceRequestReach;
import org.ehcptracker.advice.persistence.AdviceRequestRow;
import org.ehcptracker.kit.domain.Actor;
import org.ehcptracker.kit.domain.CommandRejected;
import org.ehcptracker.kit.persistence.Transactions;

/**
 * What an agency's system polls: the requests addressed to it, filtered, paged, soonest due first, or
 * (with a {@code since} cursor) what changed after the last change it saw. Read from
 * {@code advice_request_view}, which the events' own transaction keeps.
 */
@ApplicationScoped
public class AgencyInbox {

    /** The largest page an agency may ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    private final Clock clock;

    public AgencyInbox(Clock clock) {
        this.clock = clock;
    }

    /**
     * One page; 400 (naming the parameter) for a page, size, days or cursor out of range. An agency user reads
     * only its own agency's inbox (403 naming {@code agencyId}); council staff see only the requests of the
     * councils they act for (all of them with {@code *}).
     */
    public Uni<Page> page(Actor actor, String agencyId, InboxFilter filter, Integer days, Long since, int page, int size) {
        requireOwnInbox(actor, agencyId);
        if (filter == InboxFilter.DUE_WITHIN && (days == null || days < 0 || days > 366)) {
            throw CommandRejected.invalid("days", "status due-within needs days, from 0 to 366 (e.g. days=7)");
        }
        if (filter != InboxFilter.DUE_WITHIN && days != null) {
            throw CommandRejected.invalid("days", "days goes only with status=due-within");
        }
        if (page < 0) {
            throw CommandRejected.invalid("page", "page counts from 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw CommandRejected.invalid("size", "size must be from 1 to " + MAX_PAGE_SIZE);
        }
        if (since != null && since < 0) {
            throw CommandRejected.invalid("since", "since is a cursor this API returned (a number from 0)");
        }
        LocalDate today = LocalDate.now(clock);
        return Transactions.inSession(session -> AdviceRequestRow.inbox(agencyId,
                        AdviceRequestReach.listedCouncils(actor), filter.condition(),
                        filter.parameters(today, days), since, page, size))
                .map(found -> {
                    List<Item> items = found.items().stream()
                            .map(v -> new Item(new AdviceRequestAsOf(v.request(), today), v.version(), v.changeSeq()))
                            .toList();
                    // polling by change: go on from the last change on this page; a listing by due date: from the
                    // agency's latest change, whether on this page or not
                    long cursor = since != null
                            ? items.stream().mapToLong(Item::changeSeq).max().orElse(since)
                            : found.latestChange();
                    return new Page(today, items, found.total(), cursor);
                });
    }

    /**
     * One request of the inbox with its version (ETag). 404 when there is none; 403 when the actor may not reach
     * it ({@link AdviceRequestReach}).
     */
    public Uni<Item> one(Actor actor, UUID adviceRequestId) {
        LocalDate today = LocalDate.now(clock);
        return Transactions.inSession(session -> AdviceRequestRow.versionedById(adviceRequestId))
                .map(found -> {
                    var v = found.orElseThrow(() -> CommandRejected.notFound("there is no advice request " + adviceRequestId));
                    AdviceRequestReach.require(actor, v.request());
                    return new Item(new AdviceRequestAsOf(v.request(), today), v.version(), v.changeSeq());
                });
    }

    /** An agency user reads only its own agency's inbox and figures (403 naming {@code agencyId}); LA staff any. */
    public static void requireOwnInbox(Actor actor, String agencyId) {
        AdviceRequestReach.requireOwnAgency(actor, agencyId, actor + " of agency " + actor.agency()
                + " may read only its own inbox and figures, not agency " + agencyId + "'s");
    }

    /** A request as of today, its version and the number of its latest change. */
    public record Item(AdviceRequestAsOf dated, int version, long changeSeq) {
    }

    /** A page, how many match in all, and the cursor to poll from next. */
    public record Page(LocalDate asOf, List<Item> items, long total, long cursor) {
    }
}
