package org.campusmirror.installer;

import static org.campusmirror.installer.InstallTest.CONFIG;
import static org.campusmirror.installer.InstallTest.HOME;
import static org.campusmirror.installer.InstallTest.LABWC;
import static org.campusmirror.installer.InstallTest.OPT;
import static org.campusmirror.installer.InstallTest.UNIT;
import static org.campusmirror.installer.InstallTest.WANTS;
import static org.campusmirror.installer.InstallTest.XDG_ENTRY;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What --uninstall and --purge leave behind. */
class RemovalTest {
    private static Release release;

    @BeforeAll
    static void extractRelease() throws Exception {
        release = Release.extractToInstall();
    }

    @Test
    void uninstallRemovesTheMirrorAndKeepsItsData() throws Exception {
        Tree tree = installedWithData();
        SortedMap<String, String> home = UpgradeTest.homeFolder(tree);
        String settings = tree.read(CONFIG);
        tree.forgetCalls();

        Shell.Result result = tree.install(release, "--uninstall").requireSuccess();

        assertAll(
                () -> assertFalse(tree.exists(OPT)),
                () -> assertFalse(tree.exists(UNIT)),
                () -> assertFalse(tree.exists(WANTS)),
                () -> assertFalse(tree.exists(XDG_ENTRY)),
                () -> assertEquals("wf-panel-pi &\n", tree.read(LABWC), "the user's own line stays"),
                () -> assertEquals(home, UpgradeTest.homeFolder(tree)),
                () -> assertEquals(settings, tree.read(CONFIG)),
                () -> assertFalse(tree.passwd("campus-mirror").isEmpty(), "the user that owns the data stays"),
                () -> assertEquals(List.of("systemctl --root=" + tree.root() + " disable campus-mirror.service"),
                        InstallTest.calls(tree, "systemctl")),
                () -> assertTrue(result.out().contains("kept /var/lib/campus-mirror"), result.out()));
    }

    @Test
    void installAfterUninstallFindsTheDataAgain() throws Exception {
        Tree tree = installedWithData();
        tree.install(release, "--uninstall").requireSuccess();
        SortedMap<String, String> home = UpgradeTest.homeFolder(tree);
        tree.install(release).requireSuccess();
        assertEquals(home, UpgradeTest.homeFolder(tree));
        assertEquals("kept-password-123\n", tree.read(HOME + "/admin.password"));
    }

    @Test
    void purgeRemovesTheDataTheSettingsAndTheUser() throws Exception {
        Tree tree = installedWithData();
        Shell.Result result = tree.install(release, "--purge").requireSuccess();
        assertAll(
                () -> assertFalse(tree.exists(OPT)),
                () -> assertFalse(tree.exists(UNIT)),
                () -> assertFalse(tree.exists(HOME)),
                () -> assertFalse(tree.exists(CONFIG)),
                () -> assertEquals(List.of(), tree.passwd("campus-mirror")),
                () -> assertEquals(List.of(), tree.group("campus-mirror")),
                () -> assertEquals("gpio", tree.group("gpio").get(0), "the gpio group may serve others: it stays"),
                () -> assertEquals("1000:1000", tree.ids("pi")),
                () -> assertEquals("wf-panel-pi &\n", tree.read(LABWC)),
                () -> assertTrue(result.out().contains("removed Campus Mirror, its data"), result.out()));
    }

    @Test
    void purgeRemovesAnAutostartFileThatHeldOnlyTheKiosk() throws Exception {
        Tree tree = Tree.debian12();
        tree.install(release).requireSuccess();
        assertTrue(tree.exists(LABWC));
        tree.install(release, "--purge").requireSuccess();
        assertFalse(tree.exists(LABWC));
        assertTrue(tree.exists("/home/pi/.config/labwc"), "the user's folders stay");
    }

    private static Tree installedWithData() throws Exception {
        Tree tree = Tree.debian12();
        tree.install(release).requireSuccess();
        UpgradeTest.plantMirrorData(tree);
        tree.write(LABWC, tree.read(LABWC) + "wf-panel-pi &\n");
        return tree;
    }
}
