package org.ehcptracker.reporting.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ehcptracker.contracts.ContractExamples;
import org.ehcptracker.contracts.EventJson;
import org.ehcptracker.contracts.EventUpcasters;
import org.junit.jupiter.api.Test;

/**
 * What the batch projection sends PostgreSQL for case_timeline.details (CaseTimelineStore.detailsSource): the record
 * as published when it is of its type's current version (PostgreSQL takes the common fields out), else the details
 * made in Java after the upcast. Either way, minus the common fields, the same details as {@link
 * CaseTimelineStore#details}.
 */
class TimelineDetailsTest {

    static final ObjectMapper JSON = EventJson.newObjectMapper();

    @Test
    void a_record_of_the_current_version_goes_as_published_and_minus_the_common_fields_equals_the_java_details()
            throws Exception {
        for (String type : ContractExamples.types()) {
            String published = JSON.writeValueAsString(JSON.readTree(ContractExamples.json(type)));
            assertThat(published).as(type).contains("\"schemaVersion\":" + EventUpcasters.PUBLISHED.currentVersion(type));

            String sent = CaseTimelineStore.detailsSource(type, published);

            assertThat(sent).as(type).isSameAs(published);
            assertThat(minusCommonFields(sent)).as(type).isEqualTo(JSON.readTree(CaseTimelineStore.details(published)));
        }
    }

    @Test
    void an_older_version_is_upcast_in_java_first() throws Exception {
        ObjectNode v1 = (ObjectNode) JSON.readTree(ContractExamples.json("AssessmentDecided"));
        v1.put("schemaVersion", 1);
        v1.put("decision", "REFUSE");
        v1.put("refusalReason", "Zebedee Quartermaine (born 19/07/2016): needs met at school");
        String published = JSON.writeValueAsString(v1);

        String sent = CaseTimelineStore.detailsSource("AssessmentDecided", published);

        assertThat(sent).doesNotContain("Zebedee").isEqualTo(CaseTimelineStore.details(published));
        assertThat(JSON.readTree(sent).get("refusalReason").asText()).isEqualTo("OTHER");
    }

    @Test
    void a_record_written_with_spaces_or_a_longer_version_number_takes_the_java_path() throws Exception {
        String type = "AssessmentDecided";
        int current = EventUpcasters.PUBLISHED.currentVersion(type);
        String compact = JSON.writeValueAsString(JSON.readTree(ContractExamples.json(type)));
        String spaced = compact.replace("\"schemaVersion\":" + current, "\"schemaVersion\": " + current);
        // a version 12 where the current is 1 or 2 must not pass for the current one
        String longer = compact.replace("\"schemaVersion\":" + current, "\"schemaVersion\":" + current + "2");

        assertThat(CaseTimelineStore.detailsSource(type, spaced)).isEqualTo(CaseTimelineStore.details(spaced));
        Object sentForLonger;
        try {
            sentForLonger = CaseTimelineStore.detailsSource(type, longer);
        } catch (RuntimeException newerThanThisCode) {
            sentForLonger = newerThanThisCode;
        }
        assertThat(sentForLonger).isNotSameAs(longer);
    }

    /** What TIMELINE_SQL's {@code - array[...]} leaves of the record. */
    static JsonNode minusCommonFields(String json) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(json);
        tree.remove(CaseTimelineStore.COMMON_FIELDS);
        return tree;
    }
}
