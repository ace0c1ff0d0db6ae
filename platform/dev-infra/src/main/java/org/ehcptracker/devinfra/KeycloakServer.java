package org.ehcptracker.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Keycloak 26 (the local stack's identity provider) as a child process, without Docker.
 *
 * <p>The distribution {@code org.keycloak:keycloak-quarkus-dist:26.7.3:tar.gz} is taken from the local Maven
 * repository and unpacked once into a shared cache ({@code EHCP_KEYCLOAK_CACHE_DIR}, default
 * {@code ~/.cache/ehcp}). Each server gets its own Keycloak home under its data directory (the distribution's
 * jars hard-linked, the rest copied), so the system tests and {@code ./ehcp up} never share Keycloak's H2 database,
 * its import directory or its build output. Keycloak 26 needs JDK 21 or newer; {@link #javaHome()} finds one.
 *
 * <pre>
 * try (KeycloakServer kc = KeycloakServer.start(8180, Path.of(".ehcp/data/keycloak"), Path.of("deploy/local/ehcp-realm.json"))) {
 *     kc.issuer();   // http://localhost:8180/realms/ehcp
 * }
 * </pre>
 *
 * <p>The realm file is imported on the first start of a data directory; when the file changes, the next start
 * re-imports it into a fresh database (what was added by hand in the admin console is lost: this is a demo).
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String VERSION = "26.7.3";
    public static final String REALM = "ehcp";
    public static final String ARTIFACT = "org.keycloak:keycloak-quarkus-dist:" + VERSION + ":tar.gz";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(420); // 40-80 s quiet; over 4 min under load 40
    /** The realm file's access-token lifespan. */
    public static final Duration DEMO_ACCESS_TOKEN_LIFESPAN = Duration.ofMinutes(5);
    static final String JDK_MISSING = "Keycloak 26 needs JDK 21 or newer; install one (e.g. `apt-get install "
        + "temurin-21-jdk` or openjdk-21-jdk) and set EHCP_KEYCLOAK_JAVA_HOME";

    private static final String HOME_COMPLETE = ".ehcp-home-complete";
    private static final String REALM_HASH = ".ehcp-realm.sha256";
    private static final String DEV_AUGMENTED = "dev-augmented-quarkus";

    private final Process process;
    private final int port;
    private final Path home;
    private final Path log;
    private final String adminPassword;

    private KeycloakServer(Process process, int port, Path home, Path log, String adminPassword) {
        this.process = process;
        this.port = port;
        this.home = home;
        this.log = log;
        this.adminPassword = adminPassword;
    }

    /** Starts Keycloak on {@code port}, output to {@code <dataDir>/keycloak.log}; returns once the realm answers. */
    public static KeycloakServer start(int port, Path dataDir, Path realmFile) {
        return start(port, dataDir, realmFile, null, DEFAULT_TIMEOUT);
    }

    /**
     * @param output where Keycloak's console output goes ({@code null}: {@code <dataDir>/keycloak.log}); the
     *               launcher passes {@link ProcessBuilder.Redirect#INHERIT} so {@code ./ehcp logs keycloak} shows it
     */
    public static KeycloakServer start(int port, Path dataDir, Path realmFile, ProcessBuilder.Redirect output,
            Duration timeout) {
        if (!Files.isRegularFile(realmFile)) {
            throw new IllegalArgumentException("realm file " + realmFile.toAbsolutePath() + " does not exist");
        }
        requireFreePort(port);
        Path javaHome = javaHome();
        Path dist = unpackedDistribution();
        Path dir = dataDir.toAbsolutePath();
        Path home = prepareHome(dist, dir.resolve("home"), realmFile);
        Path log = dir.resolve("keycloak.log");
        String base = "http://localhost:" + port;

        List<String> cmd = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
            "--http-port=" + port,
            // only this machine: the demo realm's passwords are public
            "--http-host=127.0.0.1",
            // the issuer stays http://localhost:<port>/realms/ehcp whatever host name a client used
            "--hostname=" + base,
            "--import-realm");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", javaHome.toString());
        env.remove("JAVA");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        String adminPassword = envOr("EHCP_KEYCLOAK_ADMIN_PASSWORD", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        env.put("JAVA_OPTS_KC_HEAP", envOr("EHCP_KEYCLOAK_HEAP", "-Xms64m -Xmx512m"));
        if (output == null) {
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        } else {
            pb.redirectErrorStream(true).redirectOutput(output);
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
        writePid(dir.resolve("keycloak.pid"), p.pid());
        KeycloakServer server = new KeycloakServer(p, port, home, output == null ? log : null, adminPassword);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "keycloak-stop"));
        try {
            server.awaitRealm(timeout);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        server.rememberAugmentation(dist);
        return server;
    }

    /** {@code http://localhost:<port>/realms/ehcp}: the {@code iss} of every token, and quarkus.oidc.auth-server-url. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The token endpoint of the realm. */
    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public int port() {
        return port;
    }

    /**
     * An access token of a demo user by the password grant on the public client {@code ehcp-cli} (local demo realm
     * only), e.g. {@code accessToken("jsmith", "jsmith-demo")}; fails with Keycloak's answer when refused.
     */
    public String accessToken(String username, String password) {
        return passwordGrant(tokenEndpoint(), "ehcp-cli", username, password);
    }

    /**
     * Changes the realm's access-token lifespan (through Keycloak's admin API, as its bootstrap admin), e.g. two
     * seconds for a test of an expired token; every token issued afterwards has it. Set it back to
     * {@link #DEMO_ACCESS_TOKEN_LIFESPAN} when done: other tests share the realm.
     */
    public void setAccessTokenLifespan(Duration lifespan) {
        String admin = passwordGrant(baseUrl() + "/realms/master/protocol/openid-connect/token", "admin-cli", "admin",
            adminPassword);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/admin/realms/" + REALM))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"accessTokenLifespan\":" + lifespan.toSeconds() + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 204) {
                throw new IllegalStateException("cannot change the token lifespan: " + r.statusCode() + " " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot change the token lifespan", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Adds a user to the realm through the admin API (tests and benchmarks that need callers beyond the demo
     * users): a password, realm roles, the {@code councils} attribute and, for an agency user, {@code agency}.
     * A user that already exists is left as it is. Values are the caller's own test data (no JSON escaping).
     */
    public void addUser(String username, String password, List<String> roles, List<String> councils, String agency) {
        String admin = passwordGrant(baseUrl() + "/realms/master/protocol/openid-connect/token", "admin-cli", "admin",
            adminPassword);
        String attributes = "\"councils\":[" + String.join(",", councils.stream().map(c -> "\"" + c + "\"").toList()) + "]"
            + (agency == null ? "" : ",\"agency\":[\"" + agency + "\"]");
        HttpResponse<String> created = adminCall(admin, "POST", "/users", "{\"username\":\"" + username
            + "\",\"enabled\":true,\"emailVerified\":true,\"email\":\"" + username + "@test.invalid\",\"firstName\":\""
            + username + "\",\"lastName\":\"Test\",\"attributes\":{" + attributes + "},\"credentials\":[{\"type\":\"password\","
            + "\"value\":\"" + password + "\",\"temporary\":false}]}");
        if (created.statusCode() == 409) {
            return;
        }
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot add user " + username + ": " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String userId = location.substring(location.lastIndexOf('/') + 1);
        List<String> representations = new ArrayList<>();
        for (String role : roles) {
            HttpResponse<String> r = adminCall(admin, "GET", "/roles/" + role, null);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("no realm role " + role + ": " + r.statusCode());
            }
            representations.add(r.body());
        }
        HttpResponse<String> mapped = adminCall(admin, "POST", "/users/" + userId + "/role-mappings/realm",
            "[" + String.join(",", representations) + "]");
        if (mapped.statusCode() != 204) {
            throw new IllegalStateException("cannot give " + username + " its roles: " + mapped.statusCode() + " " + mapped.body());
        }
    }

    private HttpResponse<String> adminCall(String adminToken, String method, String path, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/" + REALM + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("admin call " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String passwordGrant(String endpoint, String clientId, String username, String password) {
        String form = "grant_type=password&client_id=" + urlEncode(clientId) + "&username=" + urlEncode(username)
            + "&password=" + urlEncode(password);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("no token for " + username + ": " + r.statusCode() + " " + r.body());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("token request for " + username + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code deploy/local/ehcp-realm.json}, found from the working directory upwards (a module or the root). */
    public static Path localRealmFile() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("deploy/local/ehcp-realm.json");
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new IllegalStateException("deploy/local/ehcp-realm.json not found above " + Paths.get("").toAbsolutePath());
    }

    public Path home() {
        return home;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops Keycloak and every process under it (kc.sh forwards SIGTERM to its JVM); idempotent. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        if (tree.stream().noneMatch(ProcessHandle::isAlive)) {
            return;
        }
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (ProcessHandle h : tree) {
            long left = deadline - System.nanoTime();
            try {
                h.onExit().get(Math.max(left, 1), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    // ---------------------------------------------------------------- the JDK

    /**
     * A JDK 21+ for Keycloak: {@code EHCP_KEYCLOAK_JAVA_HOME}, else {@code JAVA_HOME} if 21+, else this JVM if 21+,
     * else the newest 21+ under {@code /usr/lib/jvm}. Fails with {@link #JDK_MISSING} when none is found.
     */
    public static Path javaHome() {
        String explicit = System.getenv("EHCP_KEYCLOAK_JAVA_HOME");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Paths.get(explicit);
            if (!Files.isExecutable(p.resolve("bin/java"))) {
                throw new IllegalStateException("EHCP_KEYCLOAK_JAVA_HOME=" + explicit + " has no bin/java. " + JDK_MISSING);
            }
            int version = javaVersion(p);
            if (version != -1 && version < 21) {
                throw new IllegalStateException("EHCP_KEYCLOAK_JAVA_HOME=" + explicit + " is JDK " + version + ". "
                    + JDK_MISSING);
            }
            return p;
        }
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(s -> !s.isBlank()).map(Paths::get)
            .ifPresent(candidates::add);
        candidates.add(Paths.get(System.getProperty("java.home")));
        for (Path c : candidates) {
            if (javaVersion(c) >= 21 && Files.isExecutable(c.resolve("bin/java"))) {
                return c;
            }
        }
        Path jvms = Paths.get("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                Optional<Path> best = dirs.filter(d -> javaVersion(d) >= 21 && Files.isExecutable(d.resolve("bin/java")))
                    .max(Comparator.comparingInt(KeycloakServer::javaVersion));
                if (best.isPresent()) {
                    return best.get();
                }
            } catch (IOException e) {
                // fall through to the message
            }
        }
        throw new IllegalStateException(JDK_MISSING);
    }

    /** The feature version of the JDK at {@code home} from its {@code release} file (1.8 → 8), or -1. */
    static int javaVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return -1;
        }
        try {
            Matcher m = Pattern.compile("(?m)^JAVA_VERSION=\"?(\\d+)(?:\\.(\\d+))?")
                .matcher(Files.readString(release, StandardCharsets.ISO_8859_1));
            if (!m.find()) {
                return -1;
            }
            int major = Integer.parseInt(m.group(1));
            return major == 1 && m.group(2) != null ? Integer.parseInt(m.group(2)) : major;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- the distribution

    /** The tar.gz: {@code EHCP_KEYCLOAK_DIST}, else the local Maven repository ({@code maven.repo.local} or ~/.m2). */
    public static Path distributionArchive() {
        String explicit = System.getenv("EHCP_KEYCLOAK_DIST");
        if (explicit != null && !explicit.isBlank()) {
            return Paths.get(explicit);
        }
        String rel = "org/keycloak/keycloak-quarkus-dist/" + VERSION + "/keycloak-quarkus-dist-" + VERSION + ".tar.gz";
        List<Path> repos = new ArrayList<>();
        for (String prop : List.of("maven.repo.local", "maven.repo.local.tail")) {
            String v = System.getProperty(prop);
            if (v != null && !v.isBlank()) {
                for (String part : v.split(",")) {
                    repos.add(Paths.get(part.trim()));
                }
            }
        }
        repos.add(Paths.get(System.getProperty("user.home"), ".m2", "repository"));
        for (Path repo : repos) {
            Path f = repo.resolve(rel);
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new IllegalStateException("Keycloak " + VERSION + " distribution not found in " + repos
            + "; fetch it with: ./mvnw dependency:get -Dartifact=" + ARTIFACT);
    }

    /** The shared, unpacked distribution (unpacked on first use; safe when several processes race). */
    static Path unpackedDistribution() {
        Path cache = Paths.get(envOr("EHCP_KEYCLOAK_CACHE_DIR",
            Paths.get(System.getProperty("user.home"), ".cache", "ehcp").toString())).toAbsolutePath();
        Path dist = cache.resolve("keycloak-" + VERSION);
        if (Files.isExecutable(dist.resolve("bin/kc.sh"))) {
            return dist;
        }
        Path archive = distributionArchive();
        Path tmp = cache.resolve("keycloak-" + VERSION + ".unpacking-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(tmp);
            run(List.of("tar", "-xzf", archive.toString(), "-C", tmp.toString()));
            try {
                Files.move(tmp.resolve("keycloak-" + VERSION), dist, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // another process unpacked it first: use theirs
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive + " into " + cache, e);
        } finally {
            deleteTree(tmp);
        }
        if (!Files.isExecutable(dist.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("unpacking " + archive + " gave no " + dist.resolve("bin/kc.sh"));
        }
        return dist;
    }

    /**
     * The server's own Keycloak home: jars hard-linked from the shared distribution (no disk, no copy time), the
     * small rest copied, since Keycloak writes its build output ({@code lib/quarkus}) and data under its home.
     * The build output of a dev-mode start is reused when an earlier server left one ({@link #rememberAugmentation}),
     * which saves Keycloak's ~25 s re-build.
     */
    static Path prepareHome(Path dist, Path home, Path realmFile) {
        try {
            if (!Files.exists(home.resolve(HOME_COMPLETE))) {
                deleteTree(home);
                Files.createDirectories(home);
                try (Stream<Path> all = Files.walk(dist)) {
                    for (Path src : (Iterable<Path>) all::iterator) {
                        Path rel = dist.relativize(src);
                        if (rel.toString().equals(DEV_AUGMENTED) || rel.startsWith(DEV_AUGMENTED)) {
                            continue;
                        }
                        Path dst = home.resolve(rel.toString());
                        if (Files.isDirectory(src)) {
                            Files.createDirectories(dst);
                        } else if (rel.startsWith(Paths.get("lib", "lib")) || rel.startsWith(Paths.get("bin", "client"))) {
                            link(src, dst);
                        } else {
                            Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
                        }
                    }
                }
                Path augmented = dist.resolve(DEV_AUGMENTED);
                if (Files.isRegularFile(augmented.resolve("build-system.properties"))) {
                    Path quarkus = home.resolve("lib/quarkus");
                    deleteTree(quarkus);
                    copyTree(augmented, quarkus);
                }
                Files.createFile(home.resolve(HOME_COMPLETE));
            }
            String hash = sha256(realmFile);
            Path hashFile = home.resolve(REALM_HASH);
            if (!Files.exists(hashFile) || !Files.readString(hashFile).trim().equals(hash)) {
                // a changed realm file is imported into a fresh database: import never overwrites an existing realm
                deleteTree(home.resolve("data/h2"));
                Files.writeString(hashFile, hash + "\n");
            }
            Path importDir = home.resolve("data/import");
            deleteTree(importDir);
            Files.createDirectories(importDir);
            Files.copy(realmFile, importDir.resolve(REALM + "-realm.json"));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Keycloak home " + home, e);
        }
    }

    /** Keeps this home's dev-mode build output in the shared distribution for the next new home (once). */
    private void rememberAugmentation(Path dist) {
        Path target = dist.resolve(DEV_AUGMENTED);
        if (Files.exists(target)) {
            return;
        }
        Path tmp = dist.resolve(DEV_AUGMENTED + ".tmp-" + ProcessHandle.current().pid());
        try {
            copyTree(home.resolve("lib/quarkus"), tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // only an optimisation: the next new home re-builds
        } finally {
            deleteTree(tmp);
        }
    }

    // ---------------------------------------------------------------- waiting

    private void awaitRealm(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI wellKnown = URI.create(issuer() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + " while starting"
                    + logTail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for Keycloak", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak not ready within " + timeout + " at " + wellKnown + logTail());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for Keycloak", e);
            }
        }
    }

    private String logTail() {
        if (log == null || !Files.isRegularFile(log)) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "; last lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30),
                lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "; see " + log;
        }
    }

    private static void requireFreePort(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            // else the readiness check could be answered by whatever already listens there
            throw new IllegalStateException("port " + port + " is in use; free it or choose another "
                + "(EHCP_KEYCLOAK_PORT for ./ehcp up)", e);
        }
    }

    // ---------------------------------------------------------------- files

    private static void link(Path src, Path dst) throws IOException {
        try {
            Files.createLink(dst, src);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path src : (Iterable<Path>) all::iterator) {
                Path dst = to.resolve(from.relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** For ./ehcp down, to stop a Keycloak whose launcher was killed too hard to stop it. */
    private static void writePid(Path file, long pid) {
        try {
            Files.writeString(file, pid + "\n");
        } catch (IOException e) {
            // only a convenience for ./ehcp down
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted: " + String.join(" ", cmd), e);
        }
    }

    private static String urlEncode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
