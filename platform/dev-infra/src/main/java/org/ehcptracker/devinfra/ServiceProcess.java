package org.ehcptracker.devinfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One service started from its packaged {@code quarkus-run.jar} as a separate JVM, as {@code ./ehcp up} runs it:
 * used by system-tests (the whole stack) and benchmarks (the production artefact, its client in another JVM).
 * Its output goes to a log file; services still running when this JVM exits are stopped by a shutdown hook.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroy), "service-processes"));
    }

    private final String name;
    private final int port;
    private final Path log;
    /** what {@link #restart} starts again: the same command and environment, so the same port and stores */
    private final ProcessBuilder launch;
    private volatile Process process;

    private ServiceProcess(String name, int port, ProcessBuilder launch, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.launch = launch;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java <jvmOptions> -jar <jar>} with {@code env} added to this process's environment and
     * {@code EHCP_HTTP_PORT=<port>}; stdout and stderr go to {@code log}. Returns at once: see {@link #awaitReady}.
     */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path log,
            List<String> jvmOptions) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + name + " first (./mvnw -o package -DskipTests -pl "
                    + name + ")");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("EHCP_HTTP_PORT", String.valueOf(port));
        Process process = builder.start();
        RUNNING.add(process);
        // a restart appends to the same log, so one file tells the whole story
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ServiceProcess(name, port, builder, process, log);
    }

    /** The operating system's id of the running JVM. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * SIGKILL ({@code kill -9}): the JVM ends at once, no shutdown hook, in-flight requests and transactions cut
     * off, as in a crash or an out-of-memory kill. Returns once the process has ended.
     */
    public void kill() throws InterruptedException {
        Process p = process;
        p.destroyForcibly();
        p.waitFor();
        RUNNING.remove(p);
    }

    /**
     * Starts the service again with the same command, environment and port (after {@link #kill} or
     * {@link #close}); returns at once: see {@link #awaitReady}.
     */
    public void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
        }
        Files.writeString(log, "\n---- restarted ----\n", java.nio.file.StandardOpenOption.APPEND);
        Process p = launch.start();
        RUNNING.add(p);
        process = p;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** Polls {@code /q/health/ready} until it answers 200; fails with the log's tail if the JVM exits or time runs out. */
    public void awaitReady(Duration timeout) throws Exception {
        Process process = this.process;
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + tail());
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; log:\n" + tail());
    }

    /** Whether the service's log holds {@code text} anywhere (for a test that waits on a step the service logs). */
    public boolean logged(String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The last 40 lines of the service's log. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM (Quarkus stops cleanly), up to 20 s, then SIGKILL. */
    @Override
    public void close() {
        Process process = this.process;
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        RUNNING.remove(process);
    }

    @Override
    public String toString() {
        return name + " at " + baseUrl();
    }
}
