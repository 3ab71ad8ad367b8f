package org.campusmirror.installer;

import static org.campusmirror.installer.InstallTest.CONFIG;
import static org.campusmirror.installer.InstallTest.HOME;
import static org.campusmirror.installer.InstallTest.LABWC;
import static org.campusmirror.installer.InstallTest.OPT;
import static org.campusmirror.installer.InstallTest.WANTS;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Running a newer release's installer over an installed mirror upgrades it and keeps everything in the home folder. */
class UpgradeTest {
    private static Release first;
    private static Release second;

    @BeforeAll
    static void releases() throws Exception {
        first = Release.extractToInstall();
        second = first.as("9.9.9-test", "a newer mirror.jar".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsBundlesConfigurationsCachePasswordAndCertificate() throws Exception {
        Tree tree = Tree.debian12();
        tree.install(first).requireSuccess();
        plantMirrorData(tree);
        SortedMap<String, String> home = homeFolder(tree);

        Shell.Result upgrade = tree.install(second).requireSuccess();

        assertAll(
                () -> assertTrue(upgrade.out().contains("upgrading Campus Mirror " + Release.version() + " to 9.9.9-test"),
                        upgrade.out()),
                () -> assertEquals(home, homeFolder(tree), "the home folder, byte for byte, with modes and owners"),
                () -> assertArrayEquals("a newer mirror.jar".getBytes(StandardCharsets.UTF_8),
                        Files.readAllBytes(tree.path(OPT + "/mirror.jar"))),
                () -> assertEquals("9.9.9-test\n", tree.read(OPT + "/VERSION")),
                () -> assertTrue(tree.exists(WANTS)));
    }

    @Test
    void keepsTheAdminsSettingsAndDesktopLines() throws Exception {
        Tree tree = Tree.debian12();
        tree.install(first).requireSuccess();
        String settings = tree.read(CONFIG).replace("MIRROR_HTTP_PORT=8080", "MIRROR_HTTP_PORT=9090");
        tree.write(CONFIG, settings);
        tree.write(LABWC, "swayidle -w &\n" + tree.read(LABWC) + "wf-panel-pi &\n");

        Shell.Result upgrade = tree.install(second).requireSuccess();

        String labwc = tree.read(LABWC);
        assertAll(
                () -> assertEquals(settings, tree.read(CONFIG)),
                () -> assertTrue(upgrade.out().contains("kept your /etc/default/campus-mirror"), upgrade.out()),
                () -> assertTrue(upgrade.out().contains("display page:  http://127.0.0.1:9090/"), upgrade.out()),
                () -> assertTrue(labwc.startsWith("swayidle -w &\nwf-panel-pi &\n# >>> campus-mirror kiosk"), labwc),
                () -> assertEquals(1, labwc.split(OPT + "/campus-mirror-kiosk &", -1).length - 1, labwc));
    }

    @Test
    void givesARestoredHomeFolderBackToTheServiceUser() throws Exception {
        Tree tree = Tree.debian12();
        tree.write(HOME + "/admin.password", "restored-from-backup\n");
        tree.write(HOME + "/configs/org.campusmirror.sample.config", "greeting=\"restored\"\n");
        tree.install(first).requireSuccess();
        String service = tree.ids("campus-mirror");
        assertAll(
                () -> assertEquals(service, tree.owner(HOME)),
                () -> assertEquals(service, tree.owner(HOME + "/configs/org.campusmirror.sample.config")),
                () -> assertEquals(service, tree.owner(HOME + "/admin.password")),
                () -> assertEquals("restored-from-backup\n", tree.read(HOME + "/admin.password")));
    }

    /** What a mirror that ran for a while has in its home folder, owned by its user as the mirror writes it. */
    static void plantMirrorData(Tree tree) throws Exception {
        Map<String, String> files = Map.of(
                HOME + "/framework/bundle42/version0.0/bundle.jar", "an installed widget bundle",
                HOME + "/configs/org.campusmirror.sample.config", "greeting=\"Moin\"\n",
                HOME + "/cache/widgets/canteen.json", "{\"menu\":[]}",
                HOME + "/deploy/planted-widget.jar", "a bundle dropped into deploy/",
                HOME + "/admin.password", "kept-password-123\n",
                HOME + "/console.credentials", "sha256:salt:hash\n",
                HOME + "/tls/console.p12", "PKCS12 key store",
                HOME + "/tls/console.p12.password", "store-password\n",
                HOME + "/tls/console.crt", "-----BEGIN CERTIFICATE-----\n",
                HOME + "/something-a-later-release-adds/state", "unknown to this installer");
        for (Map.Entry<String, String> file : files.entrySet()) {
            tree.write(file.getKey(), file.getValue());
        }
        Shell.run(List.of("chown", "-R", tree.ids("campus-mirror"), tree.path(HOME).toString())).requireSuccess();
        for (String secret : List.of("/admin.password", "/console.credentials", "/tls/console.p12",
                "/tls/console.p12.password")) {
            Shell.run(List.of("chmod", "600", tree.path(HOME + secret).toString())).requireSuccess();
        }
    }

    static SortedMap<String, String> homeFolder(Tree tree) throws Exception {
        return tree.snapshot().entrySet().stream().filter(entry -> entry.getKey().startsWith(HOME))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        TreeMap::new));
    }
}
