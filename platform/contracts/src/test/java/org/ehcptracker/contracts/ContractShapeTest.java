package org.ehcptracker.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Structural rules every published record follows. */
class ContractShapeTest {

    private static final List<String> COMMON =
            List.of("eventId", "caseId", "localAuthorityCode", "businessDate", "occurredAt", "schemaVersion");

    /** Personal details never go on Kafka; a field named like one is a red flag to review. */
    private static final List<String> PERSONAL_DATA_WORDS = List.of(
            "firstname", "lastname", "surname", "fullname", "forename", "childname", "address", "postcode",
            "birth", "dob", "email", "phone", "nhsnumber", "upn", "ninumber");

    static Stream<Class<? extends IntegrationEvent>> eventClasses() {
        return EventJson.knownTypes().stream().map(EventJson::classOf);
    }

    @ParameterizedTest
    @MethodSource("eventClasses")
    void common_fields_come_first_in_the_agreed_order(Class<? extends IntegrationEvent> type) {
        List<String> names = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(names.subList(0, COMMON.size())).isEqualTo(COMMON);
    }

    @ParameterizedTest
    @MethodSource("eventClasses")
    void no_field_carries_personal_details(Class<? extends IntegrationEvent> type) {
        for (RecordComponent c : type.getRecordComponents()) {
            String name = c.getName().toLowerCase(Locale.ROOT);
            assertThat(PERSONAL_DATA_WORDS).as(type.getSimpleName() + "." + c.getName())
                    .noneMatch(name::contains);
        }
    }
}
