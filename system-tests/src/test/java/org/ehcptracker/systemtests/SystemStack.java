package org.ehcptracker.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.ehcptracker.devinfra.FreePort;
import org.ehcptracker.devinfra.KeycloakServer;
import org.ehcptracker.devinfra.LocalStackProcess;
import org.ehcptracker.devinfra.ServiceProcess;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The whole system as separate processes (PostgreSQL, Kafka, Keycloak, four services), started once for every system
 * test class of the run: booting it costs about a minute, so classes share it. A class gets it as a
 * parameter of its {@code @BeforeAll} method:
 * <pre>
 * &#64;ExtendWith(SystemStack.Shared.class)
 * class SomeSystemTest {
 *     static SystemStack stack;
 *     &#64;BeforeAll static void stack(SystemStack s) { stack = s; }
 * }
 * </pre>
 * Classes that share it must not depend on each other's data: each uses a council (LA code) or child
 * references of its own. A class that stops part of the stack restores it before it ends and runs last
 * ({@code @Order} on the class; see junit-platform.properties).
 */
public final class SystemStack implements AutoCloseable {

    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<String> kafkaArgs;
    private final List<String> postgresArgs;
    private LocalStackProcess postgres;
    private Path logs;
    private final Map<String, String> env;
    private LocalStackProcess kafka;
    private final KeycloakServer keycloak;
    private final KeycloakSignIn signIn;
    private static volatile KeycloakSignIn current;
    public final ServiceProcess assessment;
    public final ServiceProcess advice;
    public final ServiceProcess plan;
    public final ServiceProcess reporting;

    private SystemStack() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "stack-");
        // the identity provider takes longest: it starts beside PostgreSQL and Kafka and is awaited before the services
        int keycloakPort = FreePort.find();
        var identityProvider = CompletableFuture.supplyAsync(() -> KeycloakServer.start(keycloakPort,
                work.resolve("keycloak"), KeycloakServer.localRealmFile()));
        int pgPort = FreePort.find();
        int kafkaPort = FreePort.find();
        int controllerPort = FreePort.find();
        postgresArgs = List.of("postgres", "--port", String.valueOf(pgPort),
                "--data-dir", work.resolve("postgres").toString(), "--databases", "assessment,advice,plan,reporting");
        postgres = LocalStackProcess.start(postgresArgs);
        started.add(() -> postgres.close());
        kafkaArgs = List.of("kafka", "--port", String.valueOf(kafkaPort),
                "--controller-port", String.valueOf(controllerPort), "--data-dir", work.resolve("kafka").toString());
        kafka = LocalStackProcess.start(kafkaArgs);
        started.add(() -> kafka.close());
        keycloak = identityProvider.join();
        started.add(keycloak);
        signIn = new KeycloakSignIn(keycloak);
        current = signIn;
        env = Map.of(
                "PGHOST", "localhost", "PGPORT", String.valueOf(pgPort), "PGUSER", "postgres", "PGPASSWORD", "postgres",
                "KAFKA_BOOTSTRAP_SERVERS", "localhost:" + kafkaPort, "EHCP_OIDC_URL", keycloak.issuer());
        logs = work.resolve("logs");
        // assessment-service's SEN2 return asks reporting-service (docs/sen2.md): its port is chosen first
        int reportingPort = FreePort.find();
        assessment = start("assessment", logs, Map.of("EHCP_REPORTING_URL", "http://localhost:" + reportingPort));
        advice = start("advice", logs);
        plan = start("plan", logs);
        // the pages act on the command services' APIs (docs/front-end.md)
        reporting = start("reporting", logs, Map.of("EHCP_ASSESSMENT_URL", assessment.baseUrl(),
                "EHCP_ADVICE_URL", advice.baseUrl(), "EHCP_PLAN_URL", plan.baseUrl()), reportingPort);
        for (ServiceProcess service : List.of(assessment, advice, plan, reporting)) {
            service.awaitReady(Duration.ofSeconds(300)); // generous: a loaded 2-core machine took 130-180 s
        }
    }

    private ServiceProcess start(String name, Path logs) throws Exception {
        return start(name, logs, Map.of());
    }

    /**
     * Another instance of a service, on a port of its own, against the same database and broker (stopped with the
     * stack, or earlier by its caller); {@code instance} names its log. Returns at once: see {@code awaitReady}.
     */
    public ServiceProcess startInstance(String name, String instance) throws Exception {
        Path jar = Path.of("..", name + "-service", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        ServiceProcess service = ServiceProcess.start(name + "-" + instance, jar, FreePort.find(), env,
                logs.resolve(name + "-" + instance + ".log"), List.of("-Xmx256m"));
        started.add(service);
        return service;
    }

    private ServiceProcess start(String name, Path logs, Map<String, String> more) throws Exception {
        return start(name, logs, more, FreePort.find());
    }

    private ServiceProcess start(String name, Path logs, Map<String, String> more, int port) throws Exception {
        Path jar = Path.of("..", name + "-service", "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the reactor must package " + name + "-service before system-tests");
        }
        var environment = new java.util.HashMap<>(env);
        environment.putAll(more);
        ServiceProcess service = ServiceProcess.start(name, jar, port, environment, logs.resolve(name + ".log"),
                List.of("-Xmx256m"));
        started.add(service);
        return service;
    }

    /** The addresses and credentials the services were started with (PGHOST, PGPORT, KAFKA_BOOTSTRAP_SERVERS...). */
    public Map<String, String> env() {
        return env;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    /** Real tokens from this stack's Keycloak. */
    public KeycloakSignIn signIn() {
        return signIn;
    }

    /**
     * {@code Authorization} header value for {@code role:subject} (a Keycloak user made on first use, every
     * council) from the running stack's Keycloak: the one way system tests sign in.
     */
    public static String bearer(String roleAndSubject) {
        if (current == null) {
            throw new IllegalStateException("no system stack has started");
        }
        return current.bearer(roleAndSubject);
    }

    public LocalStackProcess kafka() {
        return kafka;
    }

    public LocalStackProcess postgres() {
        return postgres;
    }

    /** Starts PostgreSQL again on the same port and data directory, after {@code postgres().stop()}. */
    public void restartPostgres() {
        postgres = LocalStackProcess.start(postgresArgs);
    }

    /** Starts the broker again on the same port and data directory, after {@code kafka().stop()}. */
    public void restartKafka() throws Exception {
        kafka = LocalStackProcess.start(kafkaArgs);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("could not stop " + started.get(i) + ": " + e);
            }
        }
    }

    /** Resolves a {@link SystemStack} parameter: one stack for the whole run, closed when the run ends. */
    public static final class Shared implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SystemStack.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(SystemStack.class, key -> {
                        try {
                            return new SystemStack();
                        } catch (Exception e) {
                            throw new IllegalStateException("the system stack did not start", e);
                        }
                    }, SystemStack.class);
        }
    }
}
