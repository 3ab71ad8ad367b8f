package org.campusmirror.installer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The unit install.sh writes, checked by Debian's systemd-analyze against the installed tree: it verifies with no
 * warning, and its security exposure stays low. (DebootstrapRunTest runs it under a booted systemd.)
 */
class SystemdUnitTest {
    /** The exposure systemd-analyze gave when this was written: 1.5 ("OK"); 0 is best, 10 worst. */
    static final double MAX_EXPOSURE = 2.0;
    private static final Pattern EXPOSURE = Pattern.compile(
            "Overall exposure level for campus-mirror\\.service: (\\d+\\.\\d+)");

    private static Tree tree;

    @BeforeAll
    static void install() throws Exception {
        tree = Tree.debian12();
        tree.install(Release.extractToInstall()).requireSuccess();
    }

    @Test
    void verifiesWithoutAWord() throws Exception {
        Shell.Result result = verify();
        assertEquals(0, result.exit(), result.describe());
        assertEquals("", result.out() + result.err(), "systemd-analyze verify said something");
    }

    @Test
    void verifyWouldReportAMistake() throws Exception {
        // The check above can fail: a misspelt directive is only a warning, which it treats as a failure.
        String unit = tree.read(InstallTest.UNIT);
        tree.write(InstallTest.UNIT, unit.replace("ProtectHome=yes", "ProtectHomes=yes"));
        try {
            Shell.Result result = verify();
            assertTrue(result.err().contains("Unknown key 'ProtectHomes'"), result.describe());
        } finally {
            tree.write(InstallTest.UNIT, unit);
        }
    }

    @Test
    void securityExposureIsLow() throws Exception {
        Shell.Result result = Shell.run(List.of("systemd-analyze", "security", "--offline=yes",
                "--root=" + tree.root(), "campus-mirror.service")).requireSuccess();
        Matcher exposure = EXPOSURE.matcher(result.out());
        assertTrue(exposure.find(), result.out());
        double level = Double.parseDouble(exposure.group(1));
        System.out.println("systemd-analyze security campus-mirror.service: exposure " + level);
        assertTrue(level <= MAX_EXPOSURE, "exposure " + level + " above " + MAX_EXPOSURE + "\n" + result.out());
    }

    @Test
    void runsHardenedAsTheServiceUser() throws Exception {
        List<String> unit = tree.read(InstallTest.UNIT).lines().toList();
        assertAll(
                () -> assertTrue(unit.contains("User=campus-mirror")),
                () -> assertTrue(unit.contains("SupplementaryGroups=gpio")),
                () -> assertTrue(unit.contains("Restart=on-failure")),
                () -> assertTrue(unit.contains("NoNewPrivileges=yes")),
                () -> assertTrue(unit.contains("ProtectSystem=strict")),
                () -> assertTrue(unit.contains("ProtectHome=yes")),
                () -> assertTrue(unit.contains("PrivateTmp=yes")),
                () -> assertTrue(unit.contains("CapabilityBoundingSet=")),
                () -> assertEquals(List.of("ReadWritePaths=/var/lib/campus-mirror"),
                        unit.stream().filter(line -> line.startsWith("ReadWritePaths=")).toList()),
                () -> assertTrue(unit.contains("DevicePolicy=closed")),
                () -> assertEquals(List.of("DeviceAllow=char-gpiochip rw"),
                        unit.stream().filter(line -> line.startsWith("DeviceAllow=")).toList()),
                // The JIT writes machine code and runs it: W^X enforcement would kill the JVM.
                () -> assertFalse(unit.stream().anyMatch(line -> line.startsWith("MemoryDenyWriteExecute="))));
    }

    @Test
    void startsTheJarWithTheReleasesJvmOptions() throws Exception {
        String execStart = tree.read(InstallTest.UNIT).lines().filter(line -> line.startsWith("ExecStart="))
                .findFirst().orElseThrow();
        String options = String.join(" ", JvmOptionsTest.parse(Release.repositoryRoot().resolve("bin/jvm.options")));
        assertNotEquals("", options);
        assertEquals("ExecStart=/usr/lib/jvm/java-17-openjdk-arm64/bin/java " + options
                + " -Dmirror.home=/var/lib/campus-mirror -Dmirror.http.port=${MIRROR_HTTP_PORT}"
                + " -Dmirror.ws.port=${MIRROR_WS_PORT} -Dmirror.https.port=${MIRROR_HTTPS_PORT}"
                + " $MIRROR_JAVA_OPTS_EXTRA -jar /opt/campus-mirror/mirror.jar", execStart);
    }

    private static Shell.Result verify() throws Exception {
        return Shell.run(List.of("systemd-analyze", "verify", "--root=" + tree.root(), "campus-mirror.service"));
    }
}
