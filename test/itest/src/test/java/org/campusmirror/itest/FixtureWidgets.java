package org.campusmirror.itest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The test widgets of test/fixture.widgets: the bundle goes into a mirror's {@code deploy/} folder; each widget is
 * a factory component that shows once a configuration of its factory PID exists (tests create them in the
 * console). The PID of that configuration is the widget's id on the page.
 */
final class FixtureWidgets {
    static final String BSN = "org.campusmirror.fixture.widgets";
    static final String THROWING = "org.campusmirror.fixture.Throwing";
    static final String HANGING = "org.campusmirror.fixture.Hanging";
    static final String HTML = "org.campusmirror.fixture.Html";
    static final String BAD_RENDERER = "org.campusmirror.fixture.BadRenderer";
    static final String SOURCE = "org.campusmirror.fixture.Source";
    static final String CHECKED = "org.campusmirror.fixture.Checked";
    static final String ALERTING = "org.campusmirror.fixture.Alerting";

    private FixtureWidgets() {
    }

    static Path bundle() {
        Path jar = Path.of(System.getProperty("fixture.bundle", "../fixture.widgets/target/fixture.widgets.jar"))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no fixture widget bundle at " + jar + ": build test/fixture.widgets first");
        }
        return jar;
    }

    /** Copies the fixture bundle into {@code deploy}. */
    static void deploy(Path deploy) throws IOException {
        Files.createDirectories(deploy);
        Files.copy(bundle(), deploy.resolve("fixture.widgets.jar"), StandardCopyOption.REPLACE_EXISTING);
    }
}
