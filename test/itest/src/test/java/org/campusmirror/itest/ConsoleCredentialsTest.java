package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The mirror owns the console's credentials: saving the Web Console's own configuration (PID
 * {@value #CONSOLE_PID}) in every way an admin or an intruder could, through its HTTP interface, a file in
 * {@code configs/} or a file for File Install, never makes {@code admin}/{@code admin}, an empty password or no
 * password open the console, now or after a restart, and the real password keeps working. With the mirror's
 * security provider gone, the console serves nobody.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConsoleCredentialsTest {
    static final String CONSOLE_PID = "org.apache.felix.webconsole.internal.servlet.OsgiManager";
    private static final String PASSWORD = "the-real-console-password-7";

    private Path home;
    private MirrorProcess mirror;

    @BeforeAll
    void start() throws Exception {
        home = MirrorProcess.workFolder("console-credentials").resolve("home");
        mirror = MirrorProcess.start(MirrorProcess.Options.in(home)
                .withProperty("mirror.admin.password", PASSWORD)).awaitReady();
        assertOnlyTheRealPasswordOpensTheConsole("at start");
    }

    @AfterAll
    void kill() throws InterruptedException {
        if (mirror != null) {
            mirror.close();
        }
    }

    @Test
    @Order(1)
    void savingTheConsoleFormWithThePasswordFieldUnchanged() throws Exception {
        saveConsoleForm("unmodified", "admin");
        assertOnlyTheRealPasswordOpensTheConsole("password field unchanged");
    }

    @Test
    @Order(2)
    void savingTheConsoleFormWithThePasswordFieldEmptied() throws Exception {
        saveConsoleForm("", "admin");
        assertOnlyTheRealPasswordOpensTheConsole("password field emptied");
    }

    @Test
    @Order(3)
    void savingTheConsoleFormWithPasswordAdmin() throws Exception {
        saveConsoleForm("admin", "admin");
        assertOnlyTheRealPasswordOpensTheConsole("password set to admin");
    }

    @Test
    @Order(4)
    void savingTheConsoleFormWithTheUserNameCleared() throws Exception {
        // The console's form says: "To disable authentication clear this value."
        saveConsoleForm("admin", "");
        assertOnlyTheRealPasswordOpensTheConsole("user name cleared");
    }

    @Test
    @Order(5)
    void savedConfigurationDoesNotOpenTheConsoleAfterARestart() throws Exception {
        assertTrue(Files.readString(consoleConfigFile()).contains("password="), "the saved configuration is there");
        restart();
        assertOnlyTheRealPasswordOpensTheConsole("after a restart");
    }

    @Test
    @Order(6)
    void configurationFileWrittenIntoConfigsWhileStopped() throws Exception {
        mirror.stop();
        // Config Admin's own file format, as it stores a saved configuration; the password in clear text.
        Files.writeString(consoleConfigFile(), String.join("\n",
                "service.pid=\"" + CONSOLE_PID + "\"",
                "username=\"admin\"",
                "password=\"admin\"",
                "category=\"Main\"", ""), StandardCharsets.UTF_8);
        mirror = MirrorProcess.start(mirror.options()).awaitReady();
        assertTrue(consoleConfiguration().contains("\"admin\""), "Config Admin took the file: " + consoleConfiguration());
        assertOnlyTheRealPasswordOpensTheConsole("configs/ file with password admin");
    }

    @Test
    @Order(7)
    void configurationDroppedIntoTheDeployFolderForFileInstall() throws Exception {
        Path staged = home.resolveSibling("staged.cfg");
        Files.writeString(staged, "username=admin\npassword=admin\ncategory=itest-file-install\n",
                StandardCharsets.UTF_8);
        Files.move(staged, home.resolve("deploy").resolve(CONSOLE_PID + ".cfg"));
        Eventually.await("File Install applied the configuration",
                () -> consoleConfiguration().contains("itest-file-install"));
        assertOnlyTheRealPasswordOpensTheConsole("deploy/ .cfg with password admin");
        restart();
        assertOnlyTheRealPasswordOpensTheConsole("deploy/ .cfg, after a restart");
    }

    @Test
    @Order(8)
    void withoutTheMirrorsSecurityProviderTheConsoleServesNobody() throws Exception {
        long runtime = console().bundle("org.campusmirror.mirror.runtime").orElseThrow().path("id").asLong();
        var stopped = console().postForm("/system/console/bundles/" + runtime, Map.of("action", "stop"));
        assertEquals(200, stopped.statusCode(), stopped.body());
        Eventually.await("console gone with the provider",
                () -> console().get("/system/console/bundles").statusCode() == 404);
        for (ConsoleClient client : new ConsoleClient[] {console(), as("admin", "admin"), as("admin", ""),
                ConsoleClient.anonymous(mirror.options().httpPort())}) {
            assertEquals(404, client.get("/system/console/bundles").statusCode(),
                    "the console's own user check never takes over");
        }
    }

    /** Posts the console's configuration form for its own PID, the way its page does. */
    private void saveConsoleForm(String password, String user) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("apply", "true");
        form.put("action", "ajaxConfigManager");
        form.put("propertylist", "manager.root,default.render,realm,username,category,locale,password,"
                + "secret.heuristic.enabled");
        form.put("manager.root", "/system/console");
        form.put("default.render", "bundles");
        form.put("realm", "OSGi Management Console");
        form.put("username", user);
        form.put("category", "Main");
        form.put("locale", "");
        form.put("password", password);
        form.put("secret.heuristic.enabled", "false");
        HttpResponse<String> saved = console().postForm("/system/console/configMgr/" + CONSOLE_PID, form);
        assertEquals(302, saved.statusCode(), saved.body());
        Eventually.await("Config Admin stored the save", () -> Files.exists(consoleConfigFile())
                && Files.readString(consoleConfigFile()).contains("username=\"" + user + "\""));
    }

    private void assertOnlyTheRealPasswordOpensTheConsole(String after) throws Exception {
        int port = mirror.options().httpPort();
        // Settling: the console re-registers itself after a configuration change.
        Eventually.await("console served again " + after,
                () -> console().get("/system/console/bundles").statusCode() == 200);
        assertEquals(401, ConsoleClient.anonymous(port).get("/system/console/bundles").statusCode(), after);
        assertEquals(401, as("admin", "admin").get("/system/console/bundles").statusCode(), after);
        assertEquals(401, as("admin", "").get("/system/console/bundles").statusCode(), after);
        assertEquals(401, as("", "").get("/system/console/bundles").statusCode(), after);
        assertEquals(200, console().get("/system/console/bundles").statusCode(), after);
        assertNotEquals(200, as("admin", "admin").get("/system/console/configMgr").statusCode(), after);
        assertEquals(200, console().get("/system/console/configMgr").statusCode(), after);
    }

    private String consoleConfiguration() throws Exception {
        return console().get("/system/console/configMgr/" + CONSOLE_PID + ".json").body();
    }

    private Path consoleConfigFile() {
        return home.resolve("configs/org/apache/felix/webconsole/internal/servlet/OsgiManager.config");
    }

    private void restart() throws Exception {
        mirror.stop();
        mirror = MirrorProcess.start(mirror.options()).awaitReady();
    }

    private ConsoleClient console() {
        return as("admin", PASSWORD);
    }

    private ConsoleClient as(String user, String password) {
        return new ConsoleClient(mirror.options().httpPort(), user, password);
    }
}
