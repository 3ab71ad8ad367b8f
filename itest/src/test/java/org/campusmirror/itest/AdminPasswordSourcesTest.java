package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A password given by property or environment is used as given: nothing generated, nothing stored. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AdminPasswordSourcesTest {
    @Test
    void passwordFromSystemPropertyIsUsedAndNotStored() throws Exception {
        Path home = MirrorProcess.workFolder("password-property").resolve("home");
        MirrorProcess.Options options = MirrorProcess.Options.in(home)
                .withProperty("mirror.admin.password", "from-the-property");
        try (MirrorProcess mirror = MirrorProcess.start(options).awaitReady()) {
            assertOnlyThisPasswordIsAccepted(mirror, "from-the-property");
            assertFalse(Files.exists(home.resolve("admin.password")));
            assertFalse(mirror.output().contains("generated the Web Console password"));
        }
    }

    @Test
    void passwordFromEnvironmentIsUsedAndNotStored() throws Exception {
        Path home = MirrorProcess.workFolder("password-env").resolve("home");
        MirrorProcess.Options options = MirrorProcess.Options.in(home)
                .withEnvironment("MIRROR_ADMIN_PASSWORD", "from-the-environment");
        try (MirrorProcess mirror = MirrorProcess.start(options).awaitReady()) {
            assertOnlyThisPasswordIsAccepted(mirror, "from-the-environment");
            assertFalse(Files.exists(home.resolve("admin.password")));
        }
    }

    private static void assertOnlyThisPasswordIsAccepted(MirrorProcess mirror, String password) throws Exception {
        int port = mirror.options().httpPort();
        assertEquals(200, new ConsoleClient(port, "admin", password).get("/system/console/bundles").statusCode());
        assertEquals(401, new ConsoleClient(port, "admin", "admin").get("/system/console/bundles").statusCode());
        assertEquals(401, ConsoleClient.anonymous(port).get("/system/console/bundles").statusCode());
    }
}
