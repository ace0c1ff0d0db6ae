package org.ehcptracker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The import rules of docs/service-anatomy.md. A service runs them with
 * <pre>{@code
 * @AnalyzeClasses(packages = "org.ehcptracker.assessment", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     @ArchTest static final ArchTests rules = ArchTests.in(ServiceArchitecture.class);
 *     @ArchTest static final ArchRule alone = ServiceArchitecture.noOtherService("assessment");
 * }
 * }</pre>
 */
public final class ServiceArchitecture {

    /** Every service's root package is org.ehcptracker.&lt;name&gt;. */
    public static final List<String> SERVICES = List.of("assessment", "advice", "plan", "reporting");

    private ServiceArchitecture() {
    }

    /** The domain is plain Java: it can be read, and tested, without any framework. */
    @ArchTest
    public static final ArchRule domain_is_plain_java = classes().that().resideInAPackage("org.ehcptracker.*.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..",
                    "org.ehcptracker.*.domain..",
                    "org.ehcptracker.kit.domain..",
                    "org.ehcptracker.statutory..",
                    "org.ehcptracker.contracts..")
            .as("domain code imports only plain Java, the published contracts, the domain kit and the statutory clock");

    /** The domain knows nothing of how it is called or stored. */
    @ArchTest
    public static final ArchRule domain_does_not_know_its_adapters = noClasses()
            .that().resideInAPackage("org.ehcptracker.*.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..app..", "..rest..", "..messaging..", "..persistence..");

    /** Resources map HTTP to commands and queries; they never reach a table themselves. */
    @ArchTest
    public static final ArchRule rest_does_not_touch_persistence = noClasses().that().resideInAPackage("..rest..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..persistence..",
                    "org.ehcptracker.eventstore..",
                    "org.hibernate..",
                    "io.vertx.sqlclient..",
                    "io.vertx.mutiny.sqlclient..",
                    "io.quarkus.hibernate..")
            .as("rest classes reach the database only through an application service or a query");

    /** Only the messaging adapter talks to Kafka; commands never do (the relay publishes after commit). */
    @ArchTest
    public static final ArchRule only_messaging_touches_kafka = noClasses()
            .that().resideOutsideOfPackage("..messaging..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..");

    /** Services share only the platform and the published contracts: never each other's classes. */
    public static ArchRule noOtherService(String self) {
        if (!SERVICES.contains(self)) {
            throw new IllegalArgumentException("unknown service " + self + "; one of " + SERVICES);
        }
        String[] others = Stream.concat(SERVICES.stream().filter(s -> !s.equals(self)), Stream.of("systemtests"))
                .map(s -> "org.ehcptracker." + s + "..").toArray(String[]::new);
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .as("no class of " + self + "-service imports another service");
    }
}
