package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto (Debian's {@code mosquitto}) on a free loopback port: TLS only, users from a password file, an
 * ACL, retained messages kept on disk so a restart keeps them. Stopping and starting again reuses the port.
 * Closing it kills the broker, always.
 */
final class Mosquitto implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private final Path folder;
    private final int port;
    private Process process;

    private Mosquitto(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    /**
     * Writes the configuration (users with their passwords, {@code acl} as given) and starts the broker.
     */
    static Mosquitto start(Path folder, int port, FleetPki pki, Map<String, String> users, String acl)
            throws IOException, InterruptedException {
        String mosquitto = System.getProperty("itest.mosquitto", "/usr/sbin/mosquitto");
        if (!Files.isExecutable(Path.of(mosquitto))) {
            fail("no Mosquitto at " + mosquitto + ": `apt-get install mosquitto` (bin/test-prerequisites installs it)");
        }
        Files.createDirectories(folder.resolve("data"));
        Path passwords = folder.resolve("passwd");
        Files.writeString(passwords, "");
        for (Map.Entry<String, String> user : users.entrySet()) {
            run("mosquitto_passwd", "-b", passwords.toString(), user.getKey(), user.getValue());
        }
        Files.writeString(folder.resolve("acl"), acl);
        String config = String.join("\n",
                "user root",
                "per_listener_settings false",
                "allow_anonymous false",
                "password_file " + passwords,
                "acl_file " + folder.resolve("acl"),
                "persistence true",
                "persistence_location " + folder.resolve("data") + "/",
                "autosave_interval 1",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice",
                "log_type information",
                "connection_messages true",
                "listener " + port + " 127.0.0.1",
                "cafile " + pki.caPem,
                "certfile " + pki.serverCertPem,
                "keyfile " + pki.serverKeyPem,
                "tls_version tlsv1.2",
                "");
        Files.writeString(folder.resolve("mosquitto.conf"), config);
        Mosquitto broker = new Mosquitto(folder, port);
        broker.startProcess();
        return broker;
    }

    int port() {
        return port;
    }

    String url() {
        return "mqtts://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    void startProcess() throws IOException, InterruptedException {
        Path log = folder.resolve("mosquitto.log");
        process = new ProcessBuilder(System.getProperty("itest.mosquitto", "/usr/sbin/mosquitto"), "-c",
                folder.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("mosquitto exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        fail("mosquitto not listening on " + port + " within " + START_TIMEOUT.toSeconds() + " s:\n" + log());
    }

    /** SIGTERM, as systemd stops it: it saves the retained messages and ends. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    String log() {
        try {
            return Files.readString(folder.resolve("mosquitto.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process tool = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tool.waitFor(20, TimeUnit.SECONDS) || tool.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
