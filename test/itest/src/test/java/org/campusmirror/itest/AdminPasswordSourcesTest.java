package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A password given by property or environment is used as given: nothing generated, nothing stored. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AdminPasswordSourcesTest {
    @Test
    void passwordFromSystemPropertyIsUsedAndNotStored() throws Exception {
        assertGivenPasswordIsUsed("password-property", "from-the-property",
                options -> options.withProperty("mirror.admin.password", "from-the-property"));
    }

    @Test
    void passwordFromEnvironmentIsUsedAndNotStored() throws Exception {
        assertGivenPasswordIsUsed("password-env", "from-the-environment",
                options -> options.withEnvironment("MIRROR_ADMIN_PASSWORD", "from-the-environment"));
    }

    private static void assertGivenPasswordIsUsed(String name, String password,
            UnaryOperator<MirrorProcess.Options> giving) throws Exception {
        Path home = MirrorProcess.workFolder(name).resolve("home");
        try (MirrorProcess mirror = MirrorProcess.start(giving.apply(MirrorProcess.Options.in(home))).awaitReady()) {
            int port = mirror.options().httpPort();
            assertEquals(200, new ConsoleClient(port, "admin", password).get("/system/console/bundles").statusCode());
            assertEquals(401, new ConsoleClient(port, "admin", "admin").get("/system/console/bundles").statusCode());
            assertEquals(401, ConsoleClient.anonymous(port).get("/system/console/bundles").statusCode());
            assertFalse(Files.exists(home.resolve("admin.password")), "a given password is not stored");
            assertFalse(mirror.output().contains("generated the Web Console password"), mirror.output());
        }
    }
}
