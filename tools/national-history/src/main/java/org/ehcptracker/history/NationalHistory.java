package org.ehcptracker.history;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.advice.AdviceRequested;
import org.ehcptracker.contracts.advice.AdviceSubmitted;
import org.ehcptracker.contracts.advice.AdviceType;
import org.ehcptracker.contracts.assessment.AssessmentDecided;
import org.ehcptracker.contracts.assessment.AssessmentDecision;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.DisputeKind;
import org.ehcptracker.contracts.assessment.DisputeStage;
import org.ehcptracker.contracts.assessment.ExceptionReason;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.MediationOrTribunalRecorded;
import org.ehcptracker.contracts.assessment.RefusalReason;
import org.ehcptracker.contracts.assessment.RequestWithdrawn;
import org.ehcptracker.contracts.assessment.RequestKind;
import org.ehcptracker.contracts.assessment.RequesterType;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;
import org.ehcptracker.contracts.assessment.StatutoryLimit;
import org.ehcptracker.contracts.plan.DraftPlanIssued;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.history.PublishedFigures.CouncilYear;
import org.ehcptracker.kit.domain.EventIds;
import org.ehcptracker.statutory.StatutoryClock;

/**
 * A realistic event history for every council, calibrated so that each council's yearly plan counts
 * (issued, within 20 weeks, including and excluding exceptions) equal DfE's published ones, with plausible
 * stage durations, advice from four agencies, 20-week exceptions, transfers in, refusals, withdrawals,
 * disputes and a backlog of open cases at the end. The events are the published contracts' records, so each is
 * validated as the command services' are. docs/national-history.md gives every rule.
 *
 * <p>Deterministic by seed, and per council: council X's events are the same whether it is generated alone or
 * with the others (its random stream depends on the seed and its LA code only).
 */
public final class NationalHistory {

    static final List<AdviceType> ADVICE_SET = List.of(AdviceType.EDUCATIONAL_PSYCHOLOGY, AdviceType.HEALTH,
            AdviceType.SOCIAL_CARE, AdviceType.EDUCATION);
    /** Share of plans (without an exception) whose case was transferred in from another council. */
    static final double TRANSFER_SHARE = 0.02;
    /** Share of refusals taken to mediation or tribunal (the refusal stands; the case never reaches a plan). */
    static final double REFUSAL_DISPUTE_SHARE = 0.06;
    /** Share of plans whose contents are disputed after issue (does not change the 20-week measure). */
    static final double PLAN_CONTENTS_DISPUTE_SHARE = 0.03;
    /** Open cases left at the end of the last year, as a share of that year's plans: the backlog. */
    static final double OPEN_AT_END_SHARE = 0.30;

    private final Map<String, List<CouncilYear>> byCouncil;
    private final List<String> councils;
    private final long seed;

    public NationalHistory(List<CouncilYear> figures, long seed) {
        this.byCouncil = figures.stream().collect(Collectors.groupingBy(CouncilYear::laCode, TreeMap::new, Collectors.toList()));
        this.councils = List.copyOf(byCouncil.keySet());
        this.seed = seed;
    }

    public List<String> councils() {
        return councils;
    }

    /**
     * Writes the history of {@code selected} councils (all when empty) to the sink, case by case, each case's events
     * in order. Councils are generated in parallel, so the sink must be thread-safe; the events of one case always
     * come from one thread, in order.
     */
    public long generate(Set<String> selected, Consumer<IntegrationEvent> sink) {
        return councils.parallelStream()
                .filter(la -> selected.isEmpty() || selected.contains(la))
                .mapToLong(la -> {
                    long[] count = {0};
                    new Council(la, byCouncil.get(la), new SplittableRandom(seed * 1_000_003L + la.hashCode())).write(event -> {
                        count[0]++;
                        sink.accept(event);
                    });
                    return count[0];
                })
                .sum();
    }

    /** One council's history: every year's plans, refusals, withdrawals, and the open cases at the end. */
    private final class Council {
        private final String la;
        private final List<CouncilYear> years;
        private final SplittableRandom random;

        Council(String la, List<CouncilYear> years, SplittableRandom random) {
            this.la = la;
            this.years = years.stream().sorted(Comparator.comparingInt(CouncilYear::year)).toList();
            this.random = random;
        }

        void write(Consumer<IntegrationEvent> sink) {
            for (CouncilYear year : years) {
                plans(year, false, year.plansIssuedExcludingExceptions(), year.within20WeeksExcludingExceptions(), sink);
                plans(year, true, year.plansWithException(), year.exceptionPlansWithin20Weeks(), sink);
                int refused = year.requestsRefused().orElse(Math.round(year.plansIssued() * 0.25f));
                for (int i = 0; i < refused; i++) {
                    refusal(year.year(), sink);
                }
                int withdrawn = year.requestsWithdrawn().orElse(Math.round(year.plansIssued() * 0.04f));
                for (int i = 0; i < withdrawn; i++) {
                    withdrawal(year.year(), sink);
                }
            }
            CouncilYear last = years.get(years.size() - 1);
            int open = Math.round(last.plansIssued() * (float) OPEN_AT_END_SHARE);
            for (int i = 0; i < open; i++) {
                openCase(last.year(), sink);
            }
        }

        private void plans(CouncilYear year, boolean withException, int count, int within, Consumer<IntegrationEvent> sink) {
            for (int i = 0; i < count; i++) {
                plan(year.year(), withException, i < within, sink);
            }
        }

        /** A case from request to final plan, issued in {@code year}, within 20 weeks of its clock start or not. */
        private void plan(int year, boolean withException, boolean within, Consumer<IntegrationEvent> sink) {
            Case c = new Case();
            LocalDate issued = workingDayIn(year);
            int days = within ? 140 - (int) Math.min(77, Math.abs(random.nextGaussian()) * 22) : lateDays();
            LocalDate clockStart = issued.minusDays(days);
            boolean transfer = !withException && random.nextDouble() < TRANSFER_SHARE;
            if (transfer) {
                c.requested(clockStart.minusDays(random.nextInt(20, 121)));
                c.add(new ResponsibilityTransferredIn(c.eventIdAt(clockStart), c.id, la, clockStart, c.lastAt(), ResponsibilityTransferredIn.SCHEMA_VERSION,
                        otherCouncil()));
            } else {
                c.requested(clockStart);
            }
            int decisionDays = Math.min(within ? random.nextInt(21, 43) : random.nextInt(28, 71), days - 56);
            LocalDate decided = clockStart.plusDays(Math.max(7, decisionDays));
            c.add(new AssessmentDecided(c.eventIdAt(decided), c.id, la, decided, c.lastAt(), AssessmentDecided.SCHEMA_VERSION,
                    AssessmentDecision.ASSESS, null));
            LocalDate draft = issued.minusDays(random.nextInt(15, 36));
            c.advice(decided, draft, within, true);
            if (withException) {
                LocalDate start = decided.plusDays(random.nextInt(0, (int) (draft.toEpochDay() - decided.toEpochDay())));
                LocalDate end = start.plusDays(random.nextInt(14, 43));
                ExceptionReason reason = pick(ExceptionReason.SCHOOL_CLOSURE, ExceptionReason.EXCEPTIONAL_PERSONAL_CIRCUMSTANCES,
                        ExceptionReason.ABSENT_FROM_AREA);
                c.add(new ExceptionRecorded(c.eventIdAt(start), c.id, la, start, c.lastAt(), ExceptionRecorded.SCHEMA_VERSION,
                        c.uuid(), StatutoryLimit.FINAL_PLAN_20_WEEKS, reason, start, end.isAfter(issued) ? null : end));
            }
            UUID planId = c.uuid();
            c.add(new DraftPlanIssued(c.eventIdAt(draft), c.id, la, draft, c.lastAt(), DraftPlanIssued.SCHEMA_VERSION, planId));
            boolean named = random.nextDouble() < 0.7;
            c.add(new FinalPlanIssued(c.eventIdAt(issued), c.id, la, issued, c.lastAt(), FinalPlanIssued.SCHEMA_VERSION, planId,
                    named ? String.valueOf(100_000 + random.nextInt(50_000)) : null, named ? null : "MSS", clockStart));
            if (random.nextDouble() < PLAN_CONTENTS_DISPUTE_SHARE) {
                c.dispute(issued.plusDays(random.nextInt(20, 91)), DisputeStage.PLAN_CONTENTS);
            }
            c.writeTo(sink);
        }

        private void refusal(int year, Consumer<IntegrationEvent> sink) {
            Case c = new Case();
            LocalDate requested = dayIn(year);
            c.requested(requested);
            LocalDate decided = requested.plusDays(random.nextDouble() < 0.85 ? random.nextInt(14, 43) : random.nextInt(43, 71));
            c.add(new AssessmentDecided(c.eventIdAt(decided), c.id, la, decided, c.lastAt(), AssessmentDecided.SCHEMA_VERSION,
                    AssessmentDecision.REFUSE, pick(RefusalReason.NEEDS_MET_FROM_AVAILABLE_RESOURCES,
                            RefusalReason.INSUFFICIENT_EVIDENCE_OF_SEN, RefusalReason.EHC_PLAN_NOT_NECESSARY)));
            if (random.nextDouble() < REFUSAL_DISPUTE_SHARE) {
                c.dispute(decided.plusDays(random.nextInt(14, 61)), DisputeStage.REFUSAL_TO_ASSESS);
            }
            c.writeTo(sink);
        }

        private void withdrawal(int year, Consumer<IntegrationEvent> sink) {
            Case c = new Case();
            LocalDate requested = dayIn(year);
            c.requested(requested);
            LocalDate withdrawn = requested.plusDays(random.nextInt(10, 81));
            c.add(new RequestWithdrawn(c.eventIdAt(withdrawn), c.id, la, withdrawn, c.lastAt(), RequestWithdrawn.SCHEMA_VERSION));
            c.writeTo(sink);
        }

        /** A case still open at the end of the history: requested in the last 200 days of {@code year}, assessed when old enough. */
        private void openCase(int year, Consumer<IntegrationEvent> sink) {
            Case c = new Case();
            LocalDate end = LocalDate.of(year, 12, 31);
            LocalDate requested = end.minusDays(random.nextInt(10, 201));
            c.requested(requested);
            LocalDate decided = requested.plusDays(random.nextInt(28, 50));
            if (!decided.isAfter(end)) {
                c.add(new AssessmentDecided(c.eventIdAt(decided), c.id, la, decided, c.lastAt(), AssessmentDecided.SCHEMA_VERSION,
                        AssessmentDecision.ASSESS, null));
                c.advice(decided, end, false, false);
            }
            c.writeTo(sink);
        }

        /** Late: day 141 onwards, most within the year, a long tail past 52 weeks. */
        private int lateDays() {
            return 141 + (int) Math.min(600, -Math.log(1 - random.nextDouble()) * 70);
        }

        private LocalDate dayIn(int year) {
            LocalDate first = LocalDate.of(year, 1, 1);
            return first.plusDays(random.nextInt(first.lengthOfYear()));
        }

        /** A weekday of {@code year}: plans are issued on working days. */
        private LocalDate workingDayIn(int year) {
            LocalDate day = dayIn(year);
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
                day = day.getDayOfYear() > 1 ? day.minusDays(1) : day.plusDays(2);
            } else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.getDayOfYear() < day.lengthOfYear() ? day.plusDays(1) : day.minusDays(2);
            }
            return day;
        }

        private String otherCouncil() {
            String other;
            do {
                other = councils.get(random.nextInt(councils.size()));
            } while (other.equals(la) && councils.size() > 1);
            return other.equals(la) ? "000" : other;
        }

        @SafeVarargs
        private <T> T pick(T... options) {
            return options[random.nextInt(options.length)];
        }

        /** One case's events, written in business-date order once complete. */
        private final class Case {
            final UUID id = uuid();
            final List<IntegrationEvent> events = new ArrayList<>();

            UUID uuid() {
                // a version-4-shaped UUID from the council's seeded stream
                long high = (random.nextLong() & ~0xF000L) | 0x4000L;
                long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
                return new UUID(high, low);
            }

            /** When the last event was recorded: the occurredAt of the id {@link #eventIdAt} made last. */
            private Instant lastAt;

            /**
             * The id of an event of {@code businessDate}, recorded at {@link #at}: a version 7 UUID of that instant
             * with random bits from the council's seeded stream (decision 26, as the services make them), so a
             * history read in time order inserts its ids at the right-hand edge of an index. Its instant is
             * {@link #lastAt()}.
             */
            UUID eventIdAt(LocalDate businessDate) {
                lastAt = at(businessDate);
                return EventIds.version7(lastAt.toEpochMilli(), random.nextLong(), random.nextLong());
            }

            Instant lastAt() {
                return lastAt;
            }

            /** Recorded on the day, in office hours, or up to two weeks late for one event in seven. */
            Instant at(LocalDate businessDate) {
                int lateDays = random.nextDouble() < 1.0 / 7 ? random.nextInt(1, 15) : 0;
                return businessDate.plusDays(lateDays).atTime(9, 0).plusMinutes(random.nextInt(480))
                        .toInstant(ZoneOffset.UTC);
            }

            void requested(LocalDate received) {
                add(new AssessmentRequested(eventIdAt(received), id, la, received, lastAt(), AssessmentRequested.SCHEMA_VERSION,
                        "C-" + Long.toString(Math.abs(id.getMostSignificantBits()) % 2_176_782_336L, 36).toUpperCase(),
                        pick(RequesterType.PARENT, RequesterType.PARENT, RequesterType.SCHOOL_OR_SETTING, RequesterType.YOUNG_PERSON),
                        RequestKind.INITIAL));
            }

            /**
             * The default advice set, asked for just after the decision, each returned before {@code by} (the EP often
             * last, and late when the plan will be); with {@code allReturned} false what would come after {@code by} is
             * still outstanding.
             */
            void advice(LocalDate decided, LocalDate by, boolean timely, boolean allReturned) {
                for (AdviceType type : ADVICE_SET) {
                    LocalDate asked = decided.plusDays(random.nextInt(0, 4));
                    UUID request = uuid();
                    String agency = agencyId(type);
                    add(new AdviceRequested(eventIdAt(asked), id, la, asked, lastAt(), AdviceRequested.SCHEMA_VERSION, request, type,
                            agency, StatutoryClock.adviceDue(asked)));
                    int takes = type == AdviceType.EDUCATIONAL_PSYCHOLOGY && !timely ? random.nextInt(30, 91) : random.nextInt(14, 43);
                    LocalDate returned = asked.plusDays(takes);
                    if (returned.isBefore(by)) {
                        add(new AdviceSubmitted(eventIdAt(returned), id, la, returned, lastAt(), AdviceSubmitted.SCHEMA_VERSION, request,
                                type, agency));
                    } else if (allReturned) {
                        LocalDate last = by.minusDays(1).isAfter(asked) ? by.minusDays(1) : asked;
                        add(new AdviceSubmitted(eventIdAt(last), id, la, last, lastAt(), AdviceSubmitted.SCHEMA_VERSION, request, type, agency));
                    }
                }
            }

            void dispute(LocalDate registered, DisputeStage stage) {
                add(new MediationOrTribunalRecorded(eventIdAt(registered), id, la, registered, lastAt(),
                        MediationOrTribunalRecorded.SCHEMA_VERSION, random.nextDouble() < 0.7 ? DisputeKind.MEDIATION : DisputeKind.TRIBUNAL,
                        uuid(), stage));
            }

            void add(IntegrationEvent event) {
                events.add(event);
            }

            void writeTo(Consumer<IntegrationEvent> sink) {
                // stable sort: same-day events keep the order of the process (request before transfer, decision before advice)
                events.sort(Comparator.comparing(IntegrationEvent::businessDate));
                events.forEach(sink);
            }
        }

        private String agencyId(AdviceType type) {
            return switch (type) {
                case EDUCATIONAL_PSYCHOLOGY -> "ep-" + la;
                case HEALTH -> "health-" + la;
                case SOCIAL_CARE -> "social-care-" + la;
                default -> "education-" + la;
            };
        }
    }
}
