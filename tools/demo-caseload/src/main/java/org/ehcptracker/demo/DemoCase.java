package org.ehcptracker.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * One demo case and the dated steps a caseworker (and the agencies) would have recorded by {@code today}; a step
 * whose date is after today has not happened yet, so the case waits there. Pure: the seeder turns it into API calls.
 *
 * @param decisionDate      null while undecided (the decision is not due or late)
 * @param epAdviceDate      null while the EP's advice is outstanding (or the case was refused)
 * @param otherAdviceDate   health's and social care's advice; null while outstanding
 * @param draftDate         null until the draft plan is issued
 * @param finalDate         null until the final plan is issued
 */
public record DemoCase(UUID caseId, String localAuthorityCode, String childRef, String yearGroup, LocalDate receivedDate,
        LocalDate decisionDate, boolean refused, LocalDate epAdviceDate, LocalDate otherAdviceDate, LocalDate draftDate,
        LocalDate finalDate) {

    private static final String[] YEAR_GROUPS = {"RECEPTION", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Y8"};

    /** The council's caseload as of {@code today}: deterministic by seed (a re-run makes the same ids and dates). */
    public static List<DemoCase> caseload(CaseloadShape shape, LocalDate today, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ shape.localAuthorityCode().hashCode());
        List<DemoCase> cases = new ArrayList<>();
        LocalDate first = today.minusWeeks(shape.weeks());
        for (int i = 0; i < shape.requests(); i++) {
            // arrivals spread evenly over the weeks, each on a weekday
            LocalDate received = weekday(first.plusDays((long) i * shape.weeks() * 7 / shape.requests()
                    + random.nextInt(3)));
            if (received.isAfter(today)) {
                received = weekday(today.minusDays(3));
            }
            UUID id = UUID.nameUUIDFromBytes(("ehcp-demo:" + shape.localAuthorityCode() + ":" + i).getBytes());
            String childRef = "DEMO-" + shape.localAuthorityCode() + "-" + String.format("%04d", i + 1);
            String yearGroup = YEAR_GROUPS[random.nextInt(YEAR_GROUPS.length)];
            LocalDate decided = happened(weekday(received.plusDays(draw(random, shape.decisionDays()))), today);
            boolean refused = random.nextDouble() < shape.refusedShare();
            LocalDate ep = null;
            LocalDate other = null;
            LocalDate draft = null;
            LocalDate fin = null;
            if (decided != null && !refused) {
                ep = happened(weekday(decided.plusDays(draw(random, shape.epAdviceDays()))), today);
                other = happened(weekday(decided.plusDays(draw(random, shape.otherAdviceDays()))), today);
                if (ep != null && other != null) {
                    LocalDate lastAdvice = ep.isAfter(other) ? ep : other;
                    draft = happened(weekday(lastAdvice.plusDays(draw(random, shape.draftDays()))), today);
                    if (draft != null) {
                        fin = happened(weekday(draft.plusDays(draw(random, shape.finalDays()))), today);
                    }
                }
            }
            cases.add(new DemoCase(id, shape.localAuthorityCode(), childRef, yearGroup, received, decided,
                    decided != null && refused, ep, other, draft, fin));
        }
        return cases;
    }

    /** Open: not refused and no final plan yet. */
    public boolean open() {
        return !refused && finalDate == null;
    }

    private static int draw(SplittableRandom random, CaseloadShape.Days days) {
        return days.min() + random.nextInt(days.max() - days.min() + 1);
    }

    /** The date, or null when it is after today (the step has not happened yet). */
    private static LocalDate happened(LocalDate date, LocalDate today) {
        return date.isAfter(today) ? null : date;
    }

    /** A Saturday or Sunday moves to the Monday after (and a Monday after today stays after today). */
    static LocalDate weekday(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY ? date.plusDays(2) : d == DayOfWeek.SUNDAY ? date.plusDays(1) : date;
    }
}
