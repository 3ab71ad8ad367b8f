package org.campusmirror.installer;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A first install into a Debian 12 tree: packages, user, files with their owners and modes, service, autostart. */
class InstallTest {
    static final String OPT = "/opt/campus-mirror";
    static final String HOME = "/var/lib/campus-mirror";
    static final String UNIT = "/etc/systemd/system/campus-mirror.service";
    static final String CONFIG = "/etc/default/campus-mirror";
    static final String LABWC = "/home/pi/.config/labwc/autostart";
    static final String XDG_ENTRY = "/home/pi/.config/autostart/campus-mirror-kiosk.desktop";
    static final String WANTS = "/etc/systemd/system/multi-user.target.wants/campus-mirror.service";

    private static Release release;

    @BeforeAll
    static void extractRelease() throws Exception {
        release = Release.extractToInstall();
    }

    @Test
    void installsTheReleaseWithOwnersAndModes() throws Exception {
        Tree tree = Tree.debian12();
        tree.install(release).requireSuccess();
        String service = tree.ids("campus-mirror");
        assertAll(
                () -> assertEquals("755 0:0", modeAndOwner(tree, OPT)),
                () -> assertEquals("644 0:0", modeAndOwner(tree, OPT + "/mirror.jar")),
                () -> assertEquals("644 0:0", modeAndOwner(tree, OPT + "/jvm.options")),
                () -> assertEquals("755 0:0", modeAndOwner(tree, OPT + "/install.sh")),
                () -> assertEquals("755 0:0", modeAndOwner(tree, OPT + "/campus-mirror-kiosk")),
                () -> assertEquals("750 " + service, modeAndOwner(tree, HOME)),
                () -> assertEquals("644 0:0", modeAndOwner(tree, CONFIG)),
                () -> assertEquals("644 0:0", modeAndOwner(tree, UNIT)),
                () -> assertArrayEquals(Files.readAllBytes(release.file("mirror.jar")),
                        Files.readAllBytes(tree.path(OPT + "/mirror.jar"))),
                () -> assertEquals(Files.readString(release.file("campus-mirror.default")), tree.read(CONFIG)),
                () -> assertEquals(Release.version() + "\n", tree.read(OPT + "/VERSION")),
                // The release's own files are left as the archive had them: nothing else under the home folder.
                () -> assertEquals(List.of(), List.of(tree.path(HOME).toFile().list())));
    }

    @Test
    void createsASystemUserInTheGpioGroup() throws Exception {
        Tree tree = Tree.debian12();
        tree.install(release).requireSuccess();
        List<String> user = tree.passwd("campus-mirror");
        assertAll(
                () -> assertTrue(Integer.parseInt(user.get(2)) < 1000, "a system uid: " + user),
                () -> assertEquals(HOME, user.get(5)),
                () -> assertEquals("/usr/sbin/nologin", user.get(6)),
                () -> assertEquals("campus-mirror", tree.group("gpio").get(3), "created on plain Debian, with the user"),
                () -> assertEquals(user.get(3), tree.group("campus-mirror").get(2)));
    }

    @Test
    void keepsAnExistingGpioGroupAndAddsTheUser() throws Exception {
        Tree tree = Tree.debian12();
        tree.write("/etc/group", tree.read("/etc/group") + "gpio:x:997:pi\n");
        tree.write("/etc/gshadow", tree.read("/etc/gshadow") + "gpio:!::pi\n");
        tree.install(release).requireSuccess();
        assertEquals(List.of("gpio", "x", "997", "pi,campus-mirror"), tree.group("gpio"));
    }

    @Test
    void installsPackagesInsideTheTreeAndEnablesTheService() throws Exception {
        Tree tree = Tree.debian12();
        Shell.Result result = tree.install(release).requireSuccess();
        String chroot = "chroot " + tree.root() + " env DEBIAN_FRONTEND=noninteractive ";
        assertAll(
                () -> assertTrue(tree.calls().contains(chroot + "apt-get update -q"), tree.calls().toString()),
                () -> assertTrue(tree.calls().contains(chroot + "apt-get install -y -q --no-install-recommends "
                        + "openjdk-17-jre-headless chromium x11-xserver-utils"), tree.calls().toString()),
                () -> assertTrue(result.out().contains("wlopm is not in this system's package lists"), result.out()),
                () -> assertEquals(List.of("systemctl --root=" + tree.root() + " enable campus-mirror.service"),
                        calls(tree, "systemctl")),
                () -> assertEquals("/etc/systemd/system/campus-mirror.service",
                        Files.readSymbolicLink(tree.path(WANTS)).toString()));
    }

    @Test
    void takesRaspberryPiOsPackagesWhereTheyExist() throws Exception {
        Tree tree = Tree.debian12().architecture("armhf").candidates("chromium chromium-browser wlopm");
        tree.write("/etc/os-release", Tree.RASPBIAN_12);
        tree.install(release).requireSuccess();
        assertTrue(tree.calls().stream().anyMatch(call -> call.endsWith("apt-get install -y -q --no-install-recommends "
                + "openjdk-17-jre-headless chromium-browser x11-xserver-utils wlopm")), tree.calls().toString());
        assertTrue(tree.read(UNIT).contains("ExecStart=/usr/lib/jvm/java-17-openjdk-armhf/bin/java "));
    }

    @Test
    void startsTheKioskFromEachDesktopSession() throws Exception {
        Tree tree = Tree.debian12();
        tree.write("/home/pi/.config/wayfire.ini", "[core]\nplugins = autostart\n\n[autostart]\npanel = wf-panel-pi\n");
        Shell.run(List.of("chown", "-R", "1000:1000", tree.path("/home/pi/.config").toString())).requireSuccess();
        tree.install(release).requireSuccess();
        assertAll(
                () -> assertTrue(tree.read(LABWC).contains("\n" + OPT + "/campus-mirror-kiosk &\n"), tree.read(LABWC)),
                () -> assertEquals("644 1000:1000", modeAndOwner(tree, LABWC)),
                () -> assertEquals("[core]\nplugins = autostart\n\n[autostart]\n"
                        + "# >>> campus-mirror kiosk (written by /opt/campus-mirror/install.sh) >>>\n"
                        + "campus_mirror_kiosk = " + OPT + "/campus-mirror-kiosk\n"
                        + "# <<< campus-mirror kiosk <<<\npanel = wf-panel-pi\n",
                        tree.read("/home/pi/.config/wayfire.ini")),
                () -> assertTrue(tree.read(XDG_ENTRY).contains("\nExec=" + OPT + "/campus-mirror-kiosk\n")),
                () -> assertEquals("644 1000:1000", modeAndOwner(tree, XDG_ENTRY)));
    }

    @Test
    void createsTheDesktopUsersFoldersButNoWayfireConfiguration() throws Exception {
        Tree tree = Tree.debian12();
        tree.install(release).requireSuccess();
        assertAll(
                () -> assertFalse(tree.exists("/home/pi/.config/wayfire.ini")),
                () -> assertEquals("700 1000:1000", modeAndOwner(tree, "/home/pi/.config")),
                () -> assertEquals("755 1000:1000", modeAndOwner(tree, "/home/pi/.config/labwc")));
    }

    @Test
    void serverOnlyInstallHasNoBrowserAndNoAutostart() throws Exception {
        Tree tree = Tree.debian12();
        tree.install(release, "--no-kiosk").requireSuccess();
        assertAll(
                () -> assertTrue(tree.calls().stream().anyMatch(call -> call.endsWith(
                        "--no-install-recommends openjdk-17-jre-headless")), tree.calls().toString()),
                () -> assertFalse(tree.exists("/home/pi/.config")),
                () -> assertTrue(tree.exists(UNIT)));
    }

    @Test
    void noStartCallsNoSystemctl() throws Exception {
        Tree tree = Tree.debian12();
        Shell.Result result = tree.install(release, "--no-start").requireSuccess();
        assertEquals(List.of(), calls(tree, "systemctl"));
        assertFalse(tree.exists(WANTS));
        assertTrue(result.out().contains("systemctl enable --now campus-mirror.service"), result.out());
    }

    @Test
    void printsWhereTheDisplayTheConsoleAndThePasswordAre() throws Exception {
        Tree tree = Tree.debian12();
        String out = tree.install(release).requireSuccess().out();
        assertAll(
                () -> assertTrue(out.contains("display page:  http://127.0.0.1:8080/"), out),
                () -> assertTrue(out.contains(":8443/system/console"), out),
                () -> assertTrue(out.contains("password:      in " + HOME + "/admin.password"), out));
    }

    static String modeAndOwner(Tree tree, String path) throws IOException {
        return tree.mode(path) + " " + tree.owner(path);
    }

    static List<String> calls(Tree tree, String command) throws IOException {
        return tree.calls().stream().filter(call -> call.startsWith(command + " ")).toList();
    }
}
