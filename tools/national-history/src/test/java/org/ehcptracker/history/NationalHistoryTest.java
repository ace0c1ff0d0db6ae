package org.ehcptracker.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.assessment.AssessmentRequested;
import org.ehcptracker.contracts.assessment.ExceptionRecorded;
import org.ehcptracker.contracts.assessment.MediationOrTribunalRecorded;
import org.ehcptracker.contracts.assessment.ResponsibilityTransferredIn;
import org.ehcptracker.contracts.plan.FinalPlanIssued;
import org.ehcptracker.history.PublishedFigures.CouncilYear;
import org.junit.jupiter.api.Test;

/**
 * The generated history gives back DfE's table for a sample of councils (a small one, a large one, and the ones
 * the docs and demos use); the whole country is checked by the documented command (docs/national-history.md).
 */
class NationalHistoryTest {

    /** Rutland (small), BCP and Central Bedfordshire (the project's examples), Kent (the largest). */
    private static final Set<String> SAMPLE = Set.of("857", "839", "822", "886");
    private static final List<CouncilYear> PUBLISHED = PublishedFigures.load();

    @Test
    void theSampleCouncilsGiveBackThePublishedFiguresForEveryYear() {
        HistoryOracle oracle = new HistoryOracle();
        new NationalHistory(PUBLISHED, 2025).generate(SAMPLE, oracle);
        Map<String, HistoryOracle.Figures> computed = oracle.figures();

        List<CouncilYear> sample = PUBLISHED.stream().filter(y -> SAMPLE.contains(y.laCode())).toList();
        assertThat(sample).hasSize(SAMPLE.size() * 6);
        for (CouncilYear year : sample) {
            assertThat(computed.get(year.laCode() + "/" + year.year()))
                    .as("%s (%s) %d", year.laName(), year.laCode(), year.year())
                    .isEqualTo(new HistoryOracle.Figures(year.plansIssued(), year.within20Weeks(),
                            year.plansIssuedExcludingExceptions(), year.within20WeeksExcludingExceptions()));
        }
    }

    @Test
    void thePublishedTableIsReadAsPublished() {
        // BCP 2019, by hand from timeliness_20_week.csv: 344 issued, 334 excl. exceptions, 305 and 305 within
        CouncilYear bcp2019 = PUBLISHED.stream().filter(y -> y.laCode().equals("839") && y.year() == 2019).findFirst().orElseThrow();
        assertThat(bcp2019.laName()).isEqualTo("Bournemouth, Christchurch and Poole");
        assertThat(List.of(bcp2019.plansIssued(), bcp2019.plansIssuedExcludingExceptions(), bcp2019.within20Weeks(),
                bcp2019.within20WeeksExcludingExceptions())).containsExactly(344, 334, 305, 305);
        // suppressed council-years ("x") are left out: 155 councils x 6 years less 5 suppressed rows
        assertThat(PUBLISHED).hasSize(905);
    }

    @Test
    void theSameSeedGivesTheSameEventsAndACouncilDoesNotDependOnWhichOthersAreGenerated() {
        EventJson json = new EventJson();
        List<String> alone = Collections.synchronizedList(new ArrayList<>());
        new NationalHistory(PUBLISHED, 7).generate(Set.of("857"), e -> alone.add(json.write(e)));
        List<String> again = Collections.synchronizedList(new ArrayList<>());
        new NationalHistory(PUBLISHED, 7).generate(Set.of("857"), e -> again.add(json.write(e)));
        List<String> withOthers = Collections.synchronizedList(new ArrayList<>());
        new NationalHistory(PUBLISHED, 7).generate(Set.of("857", "839"), e -> {
            if (e.localAuthorityCode().equals("857")) {
                withOthers.add(json.write(e));
            }
        });
        List<String> otherSeed = new ArrayList<>();
        new NationalHistory(PUBLISHED, 8).generate(Set.of("857"), e -> otherSeed.add(json.write(e)));

        assertThat(alone).isNotEmpty().isEqualTo(again).isEqualTo(withOthers);
        assertThat(otherSeed).isNotEqualTo(alone);
    }

    @Test
    void everyEventIsAValidPublishedEventOfCodesAndIdsOnlyWithEachCasesEventsInBusinessDateOrder() {
        EventJson json = new EventJson();
        List<IntegrationEvent> events = new ArrayList<>();
        new NationalHistory(PUBLISHED, 2025).generate(Set.of("857"), events::add);
        Pattern code = Pattern.compile("[A-Z0-9_-]+|[0-9a-f-]{36}|\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z)?|[a-z-]+-\\d{3}");
        Map<java.util.UUID, java.time.LocalDate> lastDate = new java.util.HashMap<>();
        for (IntegrationEvent event : events) {
            String written = json.write(event);
            assertThat(json.read(written)).isEqualTo(event);
            json.read(written, IntegrationEvent.class);
            com.fasterxml.jackson.databind.JsonNode tree = EventJson.newObjectMapper().valueToTree(event);
            tree.fields().forEachRemaining(field -> {
                if (field.getKey().equals("type")) {
                    assertThat(EventJson.isKnownType(field.getValue().asText())).isTrue();
                } else if (field.getValue().isTextual()) {
                    assertThat(field.getValue().asText()).as("%s.%s", event.getClass().getSimpleName(), field.getKey()).matches(code);
                }
            });
            java.time.LocalDate previous = lastDate.put(event.caseId(), event.businessDate());
            assertThat(previous == null || !previous.isAfter(event.businessDate())).as("order of %s", event).isTrue();
        }
        assertThat(events).hasAtLeastOneElementOfType(AssessmentRequested.class).hasAtLeastOneElementOfType(FinalPlanIssued.class)
                .hasAtLeastOneElementOfType(ExceptionRecorded.class).hasAtLeastOneElementOfType(MediationOrTribunalRecorded.class);
    }

    /** Decision 26: ids as the services make them, version 7 of the time the event was recorded. */
    @Test
    void everyEventIdIsAVersion7UuidOfTheEventsOccurredAt() {
        List<IntegrationEvent> events = new ArrayList<>();
        new NationalHistory(PUBLISHED, 2025).generate(Set.of("857"), events::add);
        assertThat(events).isNotEmpty().allSatisfy(e -> {
            assertThat(e.eventId().version()).isEqualTo(7);
            assertThat(e.eventId().getMostSignificantBits() >>> 16).isEqualTo(e.occurredAt().toEpochMilli());
        });
        assertThat(events.stream().map(IntegrationEvent::eventId).distinct().count()).isEqualTo(events.size());
    }

    @Test
    void aTransferredInCaseIsTimedFromTheTransfer() {
        List<IntegrationEvent> events = new ArrayList<>();
        new NationalHistory(PUBLISHED, 2025).generate(Set.of("886"), events::add);
        ResponsibilityTransferredIn transfer = events.stream().filter(ResponsibilityTransferredIn.class::isInstance)
                .map(ResponsibilityTransferredIn.class::cast).findFirst().orElseThrow();
        AssessmentRequested request = events.stream().filter(AssessmentRequested.class::isInstance).map(AssessmentRequested.class::cast)
                .filter(r -> r.caseId().equals(transfer.caseId())).findFirst().orElseThrow();
        FinalPlanIssued plan = events.stream().filter(FinalPlanIssued.class::isInstance).map(FinalPlanIssued.class::cast)
                .filter(p -> p.caseId().equals(transfer.caseId())).findFirst().orElseThrow();
        assertThat(request.businessDate()).isBefore(transfer.businessDate());
        assertThat(plan.requestReceivedDate()).isEqualTo(transfer.businessDate());
        assertThat(transfer.fromLocalAuthorityCode()).isNotEqualTo("886");
    }
}
