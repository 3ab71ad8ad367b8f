package org.campusmirror.installer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --dry-run changes nothing; a system the installer does not support is refused with one line, untouched. */
class DryRunAndRefusalTest {
    private static Release release;

    @BeforeAll
    static void extractRelease() throws Exception {
        release = Release.extractToInstall();
    }

    @Test
    void dryRunOfAnInstallChangesNothingAndListsTheSteps() throws Exception {
        Tree tree = Tree.debian12();
        SortedMap<String, String> before = tree.snapshot();
        Shell.Result result = tree.install(release, "--dry-run").requireSuccess();
        assertAll(
                () -> assertEquals(before, tree.snapshot()),
                () -> assertTrue(result.out().contains("would run: chroot " + tree.root()
                        + " env DEBIAN_FRONTEND=noninteractive apt-get install"), result.out()),
                () -> assertTrue(result.out().contains("would run: useradd --root " + tree.root()), result.out()),
                () -> assertTrue(result.out().contains("would write: /opt/campus-mirror/mirror.jar (mode 644, owner 0:0)"),
                        result.out()),
                () -> assertTrue(result.out().contains("would write: /etc/systemd/system/campus-mirror.service"),
                        result.out()),
                () -> assertTrue(result.out().contains("would run: systemctl --root=" + tree.root() + " enable"),
                        result.out()),
                () -> assertEquals(List.of(), changingCalls(tree)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--dry-run", "--dry-run --uninstall", "--dry-run --purge"})
    void dryRunOnAnInstalledMirrorChangesNothing(String options) throws Exception {
        Tree tree = Tree.debian12();
        tree.install(release).requireSuccess();
        UpgradeTest.plantMirrorData(tree);
        tree.forgetCalls();
        SortedMap<String, String> before = tree.snapshot();
        Shell.Result result = tree.install(release, options.split(" ")).requireSuccess();
        assertEquals(before, tree.snapshot(), result.out());
        assertEquals(List.of(), changingCalls(tree));
    }

    @Test
    void refusesAnotherSystemWithOneLine() throws Exception {
        Tree tree = Tree.debian12();
        tree.write("/etc/os-release", "PRETTY_NAME=\"Ubuntu 22.04.4 LTS\"\nID=ubuntu\nVERSION_ID=\"22.04\"\n");
        assertRefused(tree, "campus-mirror: needs Raspberry Pi OS Bookworm or Debian 12; this is Ubuntu 22.04.4 LTS");
    }

    @Test
    void refusesAnOlderDebianWithOneLine() throws Exception {
        Tree tree = Tree.debian12();
        tree.write("/etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 11 (bullseye)\"\nID=debian\nVERSION_ID=\"11\"\n");
        assertRefused(tree, "campus-mirror: needs Raspberry Pi OS Bookworm or Debian 12; this is Debian GNU/Linux 11 (bullseye)");
    }

    @Test
    void refusesAnotherArchitectureWithOneLine() throws Exception {
        Tree tree = Tree.debian12().architecture("i386");
        assertRefused(tree, "campus-mirror: needs arm64 or armhf (a Raspberry Pi; amd64 for tests); this system is i386");
    }

    @Test
    void refusesAnUnknownOption() throws Exception {
        assertRefused(Tree.debian12(), "campus-mirror: unknown option --force (see --help)", "--force");
    }

    @Test
    void takesAmd64AsATestTargetAndSaysSo() throws Exception {
        Tree tree = Tree.debian12().architecture("amd64");
        Shell.Result result = tree.install(release).requireSuccess();
        assertTrue(result.out().contains("note: amd64 is a test target (plain Debian 12)"), result.out());
        assertTrue(tree.read(InstallTest.UNIT).contains("/usr/lib/jvm/java-17-openjdk-amd64/bin/java"));
    }

    @Test
    void theInstalledCopyDoesNotInstallOverItself() throws Exception {
        Tree tree = Tree.debian12();
        tree.install(release).requireSuccess();
        SortedMap<String, String> before = tree.snapshot();
        Release installed = Release.at(tree.path(InstallTest.OPT));
        Shell.Result result = tree.install(installed);
        assertEquals(2, result.exit(), result.describe());
        assertTrue(result.err().contains("this is the installed copy"), result.err());
        assertEquals(before, tree.snapshot());
    }

    private void assertRefused(Tree tree, String line, String... options) throws Exception {
        SortedMap<String, String> before = tree.snapshot();
        Shell.Result result = tree.install(release, options);
        assertAll(
                () -> assertEquals(2, result.exit(), result.describe()),
                () -> assertEquals(line + "\n", result.err()),
                () -> assertEquals(before, tree.snapshot()),
                () -> assertEquals(List.of(), changingCalls(tree)));
    }

    /** Recorded calls that would change a system: everything but the architecture and package-list queries. */
    private static List<String> changingCalls(Tree tree) throws Exception {
        return tree.calls().stream().filter(call -> !call.matches("(chroot \\S+ )?dpkg --print-architecture"))
                .filter(call -> !call.matches("(chroot \\S+ )?apt-cache policy \\S+")).toList();
    }
}
