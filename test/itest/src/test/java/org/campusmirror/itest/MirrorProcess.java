package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code target/mirror.jar} running in its own process, as an operator starts it: {@code java -jar},
 * no terminal, stdin closed, stdout and stderr into one file. Closing it kills the process, always.
 */
final class MirrorProcess implements AutoCloseable {
    static final String READY_LINE = "Campus Mirror ready";
    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * How to start one mirror.
     *
     * @param home        the mirror's home folder
     * @param host        the address HTTP, HTTPS and WebSocket listen on; null for all interfaces
     * @param httpPort    the HTTP port
     * @param httpsPort   the HTTPS port of the console
     * @param wsPort      the WebSocket port
     * @param properties  further {@code -D} system properties
     * @param environment further environment variables
     * @param jar         the executable to start, normally target/mirror.jar
     */
    record Options(Path home, String host, int httpPort, int httpsPort, int wsPort, Map<String, String> properties,
            Map<String, String> environment, Path jar) {
        /** Every test binds to loopback unless it needs another address. */
        static Options in(Path home) throws IOException {
            return new Options(home, "127.0.0.1", freePort(), freePort(), freePort(), Map.of(), Map.of(), mirrorJar());
        }

        Options withProperty(String key, String value) {
            Map<String, String> more = new LinkedHashMap<>(properties);
            more.put(key, value);
            return new Options(home, host, httpPort, httpsPort, wsPort, more, environment, jar);
        }

        Options withEnvironment(String key, String value) {
            Map<String, String> more = new LinkedHashMap<>(environment);
            more.put(key, value);
            return new Options(home, host, httpPort, httpsPort, wsPort, properties, more, jar);
        }

        Options withJar(Path otherJar) {
            return new Options(home, host, httpPort, httpsPort, wsPort, properties, environment, otherJar);
        }

        /** Listens on all interfaces, the default of an installed mirror. */
        Options onAllInterfaces() {
            return new Options(home, null, httpPort, httpsPort, wsPort, properties, environment, jar);
        }
    }

    private final Process process;
    private final Path output;
    private final Options options;

    private MirrorProcess(Process process, Path output, Options options) {
        this.process = process;
        this.output = output;
        this.options = options;
    }

    static Path mirrorJar() {
        Path jar = Path.of(System.getProperty("mirror.jar", "../target/mirror.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            fail("no mirror.jar at " + jar + ": run `mvn -B package` at the root first");
        }
        return jar;
    }

    static Path workFolder(String name) throws IOException {
        Path base = Path.of(System.getProperty("itest.work", "target/itest-work")).toAbsolutePath();
        Files.createDirectories(base);
        return Files.createTempDirectory(base, name + "-");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the mirror; its combined output goes to a new numbered file beside the home folder. */
    static MirrorProcess start(Options options) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small and quick to start, as on the Pi; the tests do not measure speed. Benchmarks pass bin/mirror's
        // options in itest.java.opts.
        String javaOptions = System.getProperty("itest.java.opts", "").strip();
        command.addAll(javaOptions.isEmpty() ? List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")
                : List.of(javaOptions.split("\\s+")));
        command.add("-Dmirror.home=" + options.home());
        command.add("-Dmirror.http.port=" + options.httpPort());
        command.add("-Dmirror.https.port=" + options.httpsPort());
        command.add("-Dmirror.ws.port=" + options.wsPort());
        // No default widgets with internet sources in tests; a test that wants them sets mirror.defaults=true.
        command.add("-Dmirror.defaults=false");
        if (options.host() != null) {
            command.add("-Dmirror.http.host=" + options.host());
            command.add("-Dmirror.ws.host=" + options.host());
        }
        // Later -D options win, so a test's own value for a contract key overrides the ones above.
        options.properties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(options.jar().toString());

        Path output = nextOutputFile(options.home());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().remove("MIRROR_ADMIN_PASSWORD");
        builder.environment().remove("MIRROR_HTTPS_KEYSTORE_PASSWORD");
        builder.environment().putAll(options.environment());
        return new MirrorProcess(builder.start(), output, options);
    }

    private static Path nextOutputFile(Path home) throws IOException {
        Path parent = home.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        for (int run = 1; ; run++) {
            Path candidate = parent.resolve(home.getFileName() + "-run" + run + ".log");
            if (!Files.exists(candidate)) {
                return Files.createFile(candidate);
            }
        }
    }

    Options options() {
        return options;
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + output, e);
        }
    }

    /** Waits for the ready line; fails with the process output (and kills it) when it exits or times out first. */
    MirrorProcess awaitReady() throws InterruptedException {
        try {
            awaitOutput(READY_LINE, START_TIMEOUT);
        } catch (AssertionError | InterruptedException notReady) {
            // The caller never gets hold of a mirror that did not come up: kill it here, or it outlives the test.
            kill();
            throw notReady;
        }
        return this;
    }

    void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (output().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                fail("mirror exited with " + process.exitValue() + " before printing '" + text + "':\n" + output());
            }
            Thread.sleep(100);
        }
        fail("no '" + text + "' within " + timeout.toSeconds() + " s:\n" + output());
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            fail("mirror still running after " + EXIT_TIMEOUT.toSeconds() + " s:\n" + output());
        }
        return process.exitValue();
    }

    /** SIGKILL, as a power cut would: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** SIGTERM, as systemd stops a service: the framework shuts down in order. */
    int stop() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    /** The process id, for /proc figures. */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
