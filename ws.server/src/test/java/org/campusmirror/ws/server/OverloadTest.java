package org.campusmirror.ws.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.campusmirror.ws.protocol.CloseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real overload against our server alone in a JVM with a real small heap ({@link SmallHeapServer}, -Xmx48m, the
 * Pi's SerialGC and C1, default limits, any OutOfMemoryError fatal): a broadcast storm from many connections,
 * and many peers each sending a near-maximum message slowly. The server must shed load by its rules (close
 * codes 1013, or 1008 for the slow-consumer policy), never reach OutOfMemoryError, and answer a new client
 * afterwards. The numbers of shed and kept connections are printed. Loopback only, bounded in time.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class OverloadTest {
    private static final List<String> JVM = List.of("-Xmx48m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Dorg.slf4j.simpleLogger.showDateTime=true");
    /** Any OutOfMemoryError ends the JVM (exit code 3): the overload tests must never see one. */
    private static final String OUT_OF_MEMORY_IS_FATAL = "-XX:+ExitOnOutOfMemoryError";

    @TempDir
    Path work;
    private Process child;
    private Path childOutput;
    private BufferedReader childStdout;
    private PrintStream childStdin;
    private int port;

    @BeforeEach
    void startSmallHeapServer(TestInfo test) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        if (!test.getTags().contains("handler-exhausts-heap")) {
            command.add(OUT_OF_MEMORY_IS_FATAL);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SmallHeapServer.class.getName()));
        childOutput = work.resolve("server.log");
        child = new ProcessBuilder(command).redirectError(childOutput.toFile()).start();
        childStdout = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        childStdin = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
        String first = childStdout.readLine();
        assertTrue(first != null && first.startsWith("PORT "), "the server did not start: " + first + "\n" + log());
        System.out.println("small-heap server: " + first);
        port = Integer.parseInt(first.split(" ")[1]);
    }

    @AfterEach
    void stopSmallHeapServer() throws Exception {
        if (child.isAlive()) {
            child.destroyForcibly();
        }
        child.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * 500 connections on /broadcast each publish a 256-byte message 5 times a second: 2,500 broadcasts, 1.25
     * million deliveries and 320 MB a second are asked, more than the server (or these clients) can move here;
     * 100 of the connections read nothing until the storm is over (the kernel takes up to 4 MB of each before
     * the server's queue grows).
     */
    @Test
    void broadcastStormIsShedAndTheServerAnswersAfterwards() throws Exception {
        byte[] message = RawPeer.frame(0x81, ("{\"widget\":\"departures\",\"rows\":\"" + "x".repeat(218) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        try (LoadPeers load = new LoadPeers()) {
            List<LoadPeers.Peer> readers = load.open(port, "/broadcast", 400, true);
            List<LoadPeers.Peer> paused = load.open(port, "/broadcast", 100, false);
            List<LoadPeers.Peer> all = new ArrayList<>(readers);
            all.addAll(paused);
            load.run(all, n -> message, TimeUnit.MILLISECONDS.toNanos(200), LoadPeers.seconds(15));
            Map<String, Long> during = stats();
            load.drain(LoadPeers.seconds(3), LoadPeers.seconds(40));
            report("broadcast storm", load, during);
            assertServerSurvived(load);
            assertTrue(during.get("shedConnections") > 0, "the server shed connections: " + during);
            assertTrue(load.closeCodes().contains(CloseStatus.TRY_AGAIN_LATER), "shed with 1013: " + load.closeCodes());
            assertTrue(readers.stream().anyMatch(p -> p.outcome() == LoadPeers.Outcome.OPEN), "some were kept");
            assertTrue(readers.stream().noneMatch(p -> p.outcome() == LoadPeers.Outcome.RESET_WITHOUT_CLOSE),
                    "a connection that read was never dropped without its close code");
        }
        assertEchoAndStop();
    }

    /**
     * 40 peers each send one 1000 KiB message (the limit is 1 MiB), 40 KiB every 100 ms: 40 MB would be held at
     * once, three times the memory budget of this heap. Those that do not fit are refused with 1013; the
     * others get their message echoed.
     */
    @Test
    void manyNearMaximumMessagesSentSlowlyAreRefusedWith1013BeyondTheBudget() throws Exception {
        int size = 1000 << 10;
        byte[] whole = RawPeer.frame(0x82, new byte[size]);
        int piece = 40 << 10;
        try (LoadPeers load = new LoadPeers()) {
            List<LoadPeers.Peer> senders = load.open(port, "/echo", 40, true);
            load.run(senders, n -> n * piece >= whole.length ? null
                    : Arrays.copyOfRange(whole, (int) n * piece, Math.min(whole.length, (int) (n + 1) * piece)),
                    TimeUnit.MILLISECONDS.toNanos(100), LoadPeers.seconds(4));
            load.drain(LoadPeers.seconds(3), LoadPeers.seconds(30));
            Map<String, Long> after = stats();
            report("near-maximum messages", load, after);
            assertServerSurvived(load);
            long refused = load.closeCodes().stream().filter(c -> c == CloseStatus.TRY_AGAIN_LATER).count();
            long echoed = senders.stream().filter(p -> p.scanner.frames > 0 && p.scanner.closeCode < 0).count();
            assertTrue(refused > 0, "some messages did not fit and were refused with 1013");
            assertEquals(refused, after.get("messagesRefused") + after.get("shedConnections"),
                    "every 1013 is a refused message or a shed connection");
            assertTrue(echoed > 0, "the messages that fit were echoed");
            assertEquals(40, refused + echoed, "every peer was either served or refused with 1013");
        }
        assertEchoAndStop();
    }

    /**
     * A handler that really exhausts the heap (its bug, not the server's load) loses its own connection: the
     * loop catches the OutOfMemoryError, drops that connection (its memory is garbage then) and serves the
     * others. This JVM lets the error be thrown (no -XX:+ExitOnOutOfMemoryError).
     */
    @Test
    @Tag("handler-exhausts-heap")
    void aHandlerThatExhaustsTheHeapLosesItsConnectionNotTheServer() throws Exception {
        try (RawPeer victim = RawPeer.over(new Socket(Loopback.ADDRESS, port), "/exhaust", "")) {
            victim.sendFrame(1, "hoard".getBytes(StandardCharsets.UTF_8));
            assertTrue(victim.closedByServer(), "the connection whose handler ran out of memory was dropped");
        }
        assertTrue(log().contains("out of memory while serving"), log());
        assertEchoAndStop();
    }

    private void assertServerSurvived(LoadPeers load) throws IOException {
        assertTrue(child.isAlive(), "the server JVM ended (exit " + (child.isAlive() ? "" : child.exitValue())
                + "):\n" + log());
        assertFalse(log().contains("OutOfMemoryError"), log());
        assertFalse(log().contains("out of memory"), log());
        for (int code : load.closeCodes()) {
            assertTrue(code == CloseStatus.TRY_AGAIN_LATER || code == CloseStatus.POLICY_VIOLATION,
                    "close codes are 1013 (shed) or 1008 (slow consumer), not " + code);
        }
    }

    private void assertEchoAndStop() throws Exception {
        try (RawPeer fresh = RawPeer.over(new Socket(Loopback.ADDRESS, port), "/echo", "")) {
            fresh.sendFrame(1, "still here".getBytes(StandardCharsets.UTF_8));
            RawPeer.Frame echo = fresh.readFrame();
            assertEquals("still here", new String(echo.payload(), StandardCharsets.UTF_8));
        }
        childStdin.println("quit");
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the server stops");
        assertEquals(0, child.exitValue(), log());
    }

    private Map<String, Long> stats() throws IOException {
        childStdin.println("stats");
        String line = childStdout.readLine();
        assertTrue(line != null && line.startsWith("STATS "), "no statistics: " + line + "\n" + log());
        Map<String, Long> values = new TreeMap<>();
        Matcher field = Pattern.compile("(\\w+)=(-?\\d+)").matcher(line);
        while (field.find()) {
            values.put(field.group(1), Long.parseLong(field.group(2)));
        }
        return values;
    }

    private static void report(String scenario, LoadPeers load, Map<String, Long> stats) {
        Map<Integer, Long> codes = new TreeMap<>();
        load.closeCodes().forEach(code -> codes.merge(code, 1L, Long::sum));
        System.out.printf("%s: %d connections, %d kept open, %d closed with a close frame %s, %d dropped without "
                + "one; server: %s%n", scenario, load.peers().size(), load.count(LoadPeers.Outcome.OPEN),
                load.count(LoadPeers.Outcome.CLOSE_FRAME), codes, load.count(LoadPeers.Outcome.RESET_WITHOUT_CLOSE),
                stats);
    }

    private String log() throws IOException {
        return Files.readString(childOutput, StandardCharsets.UTF_8);
    }
}
