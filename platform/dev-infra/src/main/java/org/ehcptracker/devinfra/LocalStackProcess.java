package org.ehcptracker.devinfra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@link LocalStack} as a child process ({@code java -cp <this JVM's class path> org.ehcptracker.devinfra.LocalStack ...}),
 * for system tests that must kill and restart a server. {@link #start(List)} returns once the child printed its
 * {@code READY} line; {@link #stop()} sends SIGTERM (clean stop) and waits. Children still running when this JVM
 * exits are destroyed by a shutdown hook.
 */
public final class LocalStackProcess implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroy),
            "local-stack-children"));
    }

    private final Process process;
    private final String readyLine;
    private final List<String> args;

    private LocalStackProcess(Process process, String readyLine, List<String> args) {
        this.process = process;
        this.readyLine = readyLine;
        this.args = args;
    }

    /** Starts {@code LocalStack <args>} with {@link #DEFAULT_JVM_OPTIONS} and waits up to 120 s for READY. */
    public static LocalStackProcess start(List<String> args) {
        return start(args, DEFAULT_TIMEOUT, DEFAULT_JVM_OPTIONS);
    }

    public static LocalStackProcess start(List<String> args, Duration timeout) {
        return start(args, timeout, DEFAULT_JVM_OPTIONS);
    }

    public static LocalStackProcess start(List<String> args, Duration timeout, List<String> jvmOptions) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(LocalStack.class.getName());
        cmd.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
        RUNNING.add(p);
        String name = "local-stack[" + String.join(" ", args) + "]";
        Deque<String> tail = new ArrayDeque<>();
        CompletableFuture<String> ready = new CompletableFuture<>();
        pump(p.getInputStream(), name, tail, ready, System.out);
        pump(p.getErrorStream(), name, tail, null, System.err);
        p.onExit().thenRun(() -> ready.completeExceptionally(
            new IllegalStateException(name + " exited with " + p.exitValue() + " before READY")));
        try {
            String line = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new LocalStackProcess(p, line, List.copyOf(args));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(p);
            throw new IllegalStateException("interrupted waiting for " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            kill(p);
            String out;
            synchronized (tail) {
                out = String.join("\n", tail);
            }
            throw new IllegalStateException(name + " not READY within " + timeout + " ("
                + (e.getCause() != null ? e.getCause().getMessage() : e) + "); last output:\n" + out, e);
        }
    }

    /** The full READY line, e.g. {@code READY kafka localhost:9092}. */
    public String readyLine() {
        return readyLine;
    }

    /** What follows {@code READY <what> }: {@code localhost:9092} or {@code jdbc:postgresql://localhost:5433/}. */
    public String address() {
        String[] parts = readyLine.split(" ", 3);
        return parts.length == 3 ? parts[2] : "";
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public List<String> args() {
        return args;
    }

    /** SIGTERM (the child stops its server cleanly), waits up to 60 s, then SIGKILL. Idempotent. */
    public void stop() {
        if (!process.isAlive()) {
            RUNNING.remove(process);
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
        }
        RUNNING.remove(process);
    }

    /** SIGKILL without a clean stop (crash simulation); waits for the process to end. */
    public void kill() {
        kill(process);
    }

    @Override
    public void close() {
        stop();
    }

    private static void kill(Process p) {
        p.destroyForcibly();
        try {
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(p);
    }

    private static String classPath() {
        // under Surefire java.class.path may be a manifest-only booter jar; it records the real path here
        String cp = System.getProperty("surefire.test.class.path");
        if (cp == null || cp.isBlank()) {
            cp = System.getProperty("java.class.path");
        }
        return cp;
    }

    private static void pump(InputStream in, String name, Deque<String> tail, CompletableFuture<String> ready,
            java.io.PrintStream echo) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 40) {
                            tail.removeFirst();
                        }
                    }
                    echo.println(name + " | " + line);
                    if (ready != null && line.startsWith(LocalStack.READY + " ")) {
                        ready.complete(line);
                    }
                }
            } catch (IOException ignored) {
                // child ended
            }
        }, name + "-output");
        t.setDaemon(true);
        t.start();
    }
}
