package org.ehcptracker.reporting.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.IntegrationEvent;
import org.ehcptracker.contracts.Topics;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.devinfra.InfraTestResource;
import org.ehcptracker.devinfra.TestInfra;
import org.ehcptracker.devinfra.VertxContexts;
import org.ehcptracker.reporting.domain.Events;
import org.ehcptracker.reporting.domain.HandWorkedCases;
import org.ehcptracker.reporting.persistence.ProjectionBatchStore;
import org.junit.jupiter.api.Test;

/**
 * The batch projection (ReportingProjections, ProjectionBatchStore): a whole batch in one transaction, duplicated
 * and shuffled records giving the same tables as one clean delivery, council_month_figure kept with case_progress.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class BatchProjectionTest {

    static final Duration PATIENCE = Duration.ofSeconds(90);
    static final EventJson EVENTS = new EventJson();

    @Inject
    ReportingProjections projections;

    @Inject
    Pool pool;

    @Inject
    ProjectionBatchStore batches;

    /** The seven kinds of case of ReportingServiceTest's rebuild test, in council {@code la}. */
    static List<IntegrationEvent> sevenCases(String la) {
        List<IntegrationEvent> events = new ArrayList<>();
        for (var kase : List.<java.util.function.Function<Events, List<IntegrationEvent>>>of(
                HandWorkedCases::caseA, HandWorkedCases::caseB, HandWorkedCases::caseC,
                HandWorkedCases::exceptionCase, HandWorkedCases::mediationCase,
                HandWorkedCases::transferredInIssued, HandWorkedCases::transferredInOpen)) {
            events.addAll(kase.apply(Events.forNewCase(la)));
        }
        return events;
    }

    /**
     * The table for the seven cases, worked by hand (HandWorkedCases' day counts):
     * plans: A May 133 within, B Jul 175 late, exception case Jul 168 late (exception), transfer Jul 133 within;
     *   the mediation case's plan is left out. Without exceptions: A, B, transfer.
     * requests: A, B, C in January, exception and mediation cases in February (the transfers were requested of 850).
     * decisions to assess: A and B in February, C in March.
     */
    static Map<String, Long> sevenCasesTable() {
        Map<String, Long> t = new TreeMap<>();
        t.put("2025-01-01 REQUESTS_RECEIVED", 3L);
        t.put("2025-02-01 REQUESTS_RECEIVED", 2L);
        t.put("2025-02-01 DECIDED_TO_ASSESS", 2L);
        t.put("2025-03-01 DECIDED_TO_ASSESS", 1L);
        t.put("2025-05-01 PLANS_ISSUED", 1L);
        t.put("2025-05-01 ISSUED_WITHIN_20_WEEKS", 1L);
        t.put("2025-05-01 DAYS_TO_ISSUE", 133L);
        t.put("2025-05-01 PLANS_ISSUED_EX", 1L);
        t.put("2025-05-01 ISSUED_WITHIN_20_WEEKS_EX", 1L);
        t.put("2025-05-01 DAYS_TO_ISSUE_EX", 133L);
        t.put("2025-07-01 PLANS_ISSUED", 3L);
        t.put("2025-07-01 ISSUED_WITHIN_20_WEEKS", 1L);
        t.put("2025-07-01 DAYS_TO_ISSUE", 175L + 168 + 133);
        t.put("2025-07-01 PLANS_ISSUED_EX", 2L);
        t.put("2025-07-01 ISSUED_WITHIN_20_WEEKS_EX", 1L);
        t.put("2025-07-01 DAYS_TO_ISSUE_EX", 175L + 133);
        return t;
    }

    /** Every record twice or more, shuffled: what a redelivery after a failed commit may hand over in one poll. */
    static List<String> duplicatedAndShuffled(List<IntegrationEvent> events, long seed) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String json = EVENTS.write(events.get(i));
            records.add(json);
            records.add(json);
            if (i % 3 == 0) {
                records.add(json);
            }
        }
        Collections.shuffle(records, new Random(seed));
        return records;
    }

    @Test
    void a_duplicated_shuffled_batch_gives_the_figures_of_one_clean_delivery_and_a_second_delivery_changes_nothing() {
        List<IntegrationEvent> events = sevenCases("976");
        List<String> batch = duplicatedAndShuffled(events, 976);

        projections.project(null, batch).await().atMost(PATIENCE);

        assertThat(table("976")).isEqualTo(sevenCasesTable());
        UUID[] ids = events.stream().map(IntegrationEvent::eventId).toArray(UUID[]::new);
        assertThat(count("select count(*) from case_timeline where event_id = any($1)", ids)).isEqualTo(events.size());
        // the timeline's guard is its own primary key (decision 26): no processed_event row under its name
        assertThat(count("select count(*) from processed_event where consumer = 'reporting-case-timeline' and "
                + "event_id = any($1)", ids)).isZero();
        long progressEvents = events.stream().filter(org.ehcptracker.reporting.domain.CaseProgress::isAffectedBy).count();
        assertThat(count("select count(*) from processed_event where consumer = 'reporting-case-progress' and "
                + "event_id = any($1)", ids)).isEqualTo(progressEvents);
        UUID[] caseIds = events.stream().map(IntegrationEvent::caseId).distinct().toArray(UUID[]::new);
        assertThat(count("select count(*) from case_progress where case_id = any($1) "
                + "and status = 'PLAN_ISSUED' and within_20_weeks", caseIds)).isEqualTo(3); // A, mediation, transfer

        // delivered again, in another order and cut into other batches: nothing changes
        List<String> again = duplicatedAndShuffled(events, 9761);
        projections.project(null, again.subList(0, again.size() / 2)).await().atMost(PATIENCE);
        projections.project(null, again.subList(again.size() / 2, again.size())).await().atMost(PATIENCE);
        assertThat(table("976")).isEqualTo(sevenCasesTable());
        assertThat(count("select count(*) from case_timeline where event_id = any($1)", ids)).isEqualTo(events.size());
    }

    /**
     * The guards themselves (ProjectionBatchStore.apply): the first delivery is new to both projections, a redelivery
     * (the same events again, as after a failed commit or from another offset, in another order and cut into other
     * batches) is new to neither and changes no row.
     */
    @Test
    void a_redelivery_at_other_offsets_is_new_to_neither_projection_and_changes_no_row() {
        List<IntegrationEvent> events = sevenCases("990");
        long progressEvents = events.stream().filter(org.ehcptracker.reporting.domain.CaseProgress::isAffectedBy).count();
        Map<IntegrationEvent, String> first = new java.util.LinkedHashMap<>();
        events.forEach(e -> first.put(e, EVENTS.write(e)));

        var applied = VertxContexts.onNewContext(() -> batches.apply(first, ReportingProjections.PROGRESS))
                .orTimeout(90, TimeUnit.SECONDS).join();
        assertThat(applied).isEqualTo(new ProjectionBatchStore.Applied(events.size(), (int) progressEvents));
        UUID[] caseIds = events.stream().map(IntegrationEvent::caseId).distinct().toArray(UUID[]::new);
        String rowsBefore = rows(caseIds);

        List<IntegrationEvent> again = new ArrayList<>(events);
        Collections.shuffle(again, new Random(983));
        for (List<IntegrationEvent> part : List.of(again.subList(0, again.size() / 3), again.subList(again.size() / 3,
                again.size()))) {
            Map<IntegrationEvent, String> batch = new java.util.LinkedHashMap<>();
            part.forEach(e -> batch.put(e, EVENTS.write(e)));
            var reapplied = VertxContexts.onNewContext(() -> batches.apply(batch, ReportingProjections.PROGRESS))
                    .orTimeout(90, TimeUnit.SECONDS).join();
            assertThat(reapplied).isEqualTo(new ProjectionBatchStore.Applied(0, 0));
        }

        assertThat(rows(caseIds)).isEqualTo(rowsBefore);
        assertThat(table("990")).isEqualTo(sevenCasesTable());
    }

    /** Every row the cases have in the three tables, as text, ordered. */
    String rows(UUID[] caseIds) {
        StringBuilder b = new StringBuilder();
        for (String sql : List.of("select t::text from case_timeline t where case_id = any($1) order by event_id",
                "select p::text from case_progress p where case_id = any($1) order by case_id",
                "select f::text from council_month_figure f where local_authority_code = '990' and $1::uuid[] is not null "
                        + "order by month, measure")) {
            for (Row row : pool.preparedQuery(sql).executeAndAwait(Tuple.of((Object) caseIds))) {
                b.append(row.getString(0)).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void an_unreadable_record_is_parked_and_the_rest_of_its_batch_goes_on() {
        Events a = Events.forNewCase("977");
        List<IntegrationEvent> events = HandWorkedCases.caseA(a);
        UUID unreadableId = UUID.randomUUID();
        List<String> batch = new ArrayList<>(events.stream().map(EVENTS::write).toList());
        batch.add(1, "{\"type\": \"NoSuchEventYet\", \"eventId\": \"" + unreadableId + "\", \"caseId\": \""
                + a.caseId() + "\", \"localAuthorityCode\": \"977\"}");

        // parking goes through consumer-kit's guard (Hibernate Reactive): on a Vert.x context, as a Kafka delivery is
        VertxContexts.onNewContext(() -> projections.project(null, batch)).orTimeout(90, TimeUnit.SECONDS).join();

        assertThat(count("select count(*) from dead_letter where consumer = 'reporting-case-timeline' and event_id = $1",
                unreadableId)).isEqualTo(1);
        assertThat(count("select count(*) from case_timeline where case_id = $1", a.caseId())).isEqualTo(4);
        assertThat(table("977")).containsEntry("2025-05-01 PLANS_ISSUED", 1L)
                .containsEntry("2025-05-01 ISSUED_WITHIN_20_WEEKS_EX", 1L);
    }

    /** The same through Kafka: the three topics' batches, in any order, duplicated. */
    @Test
    void duplicated_shuffled_records_on_the_topics_give_the_same_table() {
        List<IntegrationEvent> events = sevenCases("978");
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String json : duplicatedAndShuffled(events, 978)) {
            IntegrationEvent e = EVENTS.read(json);
            records.add(new ProducerRecord<>(topicOf(e), e.caseId().toString(), json));
        }
        try (KafkaCompanion kafka = new KafkaCompanion(TestInfra.get().kafkaBootstrapServers())) {
            kafka.produceStrings().fromRecords(records).awaitCompletion(PATIENCE);
        }
        UUID[] ids = events.stream().map(IntegrationEvent::eventId).toArray(UUID[]::new);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(count("select count(*) from case_timeline where event_id = any($1)", ids)).isEqualTo(events.size());
            assertThat(table("978")).isEqualTo(sevenCasesTable());
        });
    }

    static String topicOf(IntegrationEvent e) {
        return e instanceof AssessmentEvent ? Topics.ASSESSMENT_EVENTS
                : e instanceof AdviceEvent ? Topics.ADVICE_EVENTS : Topics.PLAN_EVENTS;
    }

    /** The council's council_month_figure rows as "month measure" to value, zeros left out. */
    Map<String, Long> table(String la) {
        Map<String, Long> t = new TreeMap<>();
        for (Row row : pool.preparedQuery("select month, measure, value from council_month_figure "
                + "where local_authority_code = $1 and value <> 0").executeAndAwait(Tuple.of(la))) {
            t.put(row.getLocalDate(0) + " " + row.getString(1), row.getLong(2));
        }
        return t;
    }

    long count(String sql, Object param) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.of(param)).iterator().next().getLong(0);
    }
}
