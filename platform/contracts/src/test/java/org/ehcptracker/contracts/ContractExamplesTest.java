package org.ehcptracker.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ehcptracker.contracts.advice.AdviceEvent;
import org.ehcptracker.contracts.assessment.AssessmentEvent;
import org.ehcptracker.contracts.plan.PlanEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContractExamplesTest {

    /** The checked-in sources, read from disk so a stray or misplaced file cannot hide. */
    private static final Path EXAMPLES_ON_DISK = Path.of("src/main/resources/contracts/examples");
    private static final List<Class<?>> FAMILIES = List.of(AssessmentEvent.class, AdviceEvent.class, PlanEvent.class);
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final EventJson eventJson = new EventJson();

    /** Read from the annotations directly, not through EventJson, so the two are checked against each other. */
    static Set<String> declaredSubtypeNames() {
        return FAMILIES.stream()
                .flatMap(f -> Arrays.stream(f.getAnnotation(JsonSubTypes.class).value()))
                .map(JsonSubTypes.Type::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Stream<String> exampleTypes() {
        return ContractExamples.types().stream();
    }

    @Test
    void the_examples_are_exactly_the_declared_subtypes() {
        assertThat(new TreeSet<>(ContractExamples.types())).isEqualTo(declaredSubtypeNames());
        assertThat(new TreeSet<>(EventJson.knownTypes())).isEqualTo(declaredSubtypeNames());
        assertThat(declaredSubtypeNames()).hasSize(11 + 6 + 11);
    }

    @Test
    void every_permitted_record_is_declared_under_its_simple_name() {
        for (Class<?> family : FAMILIES) {
            Map<String, Class<?>> declared = Arrays.stream(family.getAnnotation(JsonSubTypes.class).value())
                    .collect(Collectors.toMap(JsonSubTypes.Type::name, JsonSubTypes.Type::value));
            Map<String, Class<?>> permitted = Arrays.stream(family.getPermittedSubclasses())
                    .collect(Collectors.toMap(Class::getSimpleName, c -> c));
            assertThat(declared).as(family.getSimpleName()).isEqualTo(permitted);
            assertThat(permitted.values()).allSatisfy(c -> assertThat(c.isRecord()).as(c.getName()).isTrue());
        }
    }

    @Test
    void every_event_type_has_exactly_one_example_file_in_its_family_folder() throws IOException {
        Map<String, List<String>> filesByType;
        try (Stream<Path> files = Files.walk(EXAMPLES_ON_DISK)) {
            filesByType = files.filter(Files::isRegularFile)
                    .map(p -> EXAMPLES_ON_DISK.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.groupingBy(
                            rel -> rel.substring(rel.lastIndexOf('/') + 1).replaceFirst("\\.json$", ""),
                            TreeMap::new, Collectors.toList()));
        }
        assertThat(filesByType.keySet()).isEqualTo(declaredSubtypeNames());
        filesByType.forEach((type, paths) -> {
            assertThat(paths).as(type).hasSize(1);
            assertThat("contracts/examples/" + paths.get(0)).isEqualTo(ContractExamples.resourcePath(type));
        });
    }

    @ParameterizedTest
    @MethodSource("exampleTypes")
    void example_reads_as_the_class_its_type_names_and_writes_back_the_same_json(String type) throws IOException {
        String example = ContractExamples.json(type);

        assertThat(EventJson.typeOf(example)).isEqualTo(type);
        IntegrationEvent event = eventJson.read(example);
        assertThat(event.getClass().getSimpleName()).isEqualTo(type);
        assertThat(event.schemaVersion()).isEqualTo(EventUpcasters.schemaVersionOf(type));
        assertThat(event.localAuthorityCode()).isEqualTo("839");

        JsonNode rewritten = PLAIN.readTree(eventJson.write(event));
        assertThat(rewritten).isEqualTo(PLAIN.readTree(example));
    }

    @ParameterizedTest
    @MethodSource("exampleTypes")
    void example_lists_every_field_in_contract_order(String type) throws IOException {
        List<String> keys = iterable(PLAIN.readTree(ContractExamples.json(type)).fieldNames());
        List<String> components = Arrays.stream(EventJson.classOf(type).getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName).toList();
        assertThat(keys.get(0)).isEqualTo("type");
        assertThat(keys.subList(1, keys.size())).isEqualTo(components);
    }

    @Test
    void event_gives_the_example_as_a_typed_record() {
        assertThat(ContractExamples.event("FinalPlanIssued"))
                .isInstanceOf(org.ehcptracker.contracts.plan.FinalPlanIssued.class);
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
