package org.campusmirror.mirror.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.apache.felix.cm.file.ConfigurationHandler;
import org.junit.jupiter.api.Test;

class DeployConfigWriteBackTest {
    private static byte[] text(String content) {
        return content.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aPlainFileHoldingTheSameStringsIsLeftAloneAnotherValueOrKeyIsNot() {
        byte[] file = text("# kept by the admin\nwidget.title=Hall clock\nwidget.region=top_bar\n");
        assertTrue(DeployConfigWriteBack.holds(file, Map.of("widget.title", "Hall clock", "widget.region", "top_bar")));
        assertFalse(DeployConfigWriteBack.holds(file, Map.of("widget.title", "Edited", "widget.region", "top_bar")));
        assertFalse(DeployConfigWriteBack.holds(file, Map.of("widget.title", "Hall clock")));
        assertFalse(DeployConfigWriteBack.holds(file, Map.of("widget.title", "Hall clock", "widget.region", "top_bar",
                "widget.page", new String[] {"*"})));
    }

    @Test
    void whatItWritesItReadsBackTypedArraysIncluded() throws Exception {
        Hashtable<String, Object> wanted = new Hashtable<>(Map.of("widget.title", "Quote \" and = and \\ too",
                "widget.refresh.seconds", 30L, "widget.page", new String[] {"*", "lobby"}, "enabled", Boolean.TRUE));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfigurationHandler.write(out, wanted);
        assertTrue(DeployConfigWriteBack.holds(out.toByteArray(), wanted));
        Dictionary<?, ?> read = ConfigurationHandler.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(30L, read.get("widget.refresh.seconds"));
        wanted.put("widget.page", new String[] {"*"});
        assertFalse(DeployConfigWriteBack.holds(out.toByteArray(), wanted), "another array");
    }

    @Test
    void emptyOrCutFilesNeverHoldAConfiguration() {
        Map<String, Object> wanted = Map.of("widget.title", "Hall clock");
        assertFalse(DeployConfigWriteBack.holds(new byte[0], wanted));
        assertFalse(DeployConfigWriteBack.holds(text("widget.title=\"Hall"), wanted));
    }

    @Test
    void theFileOfAPidIsFileInstallsNameForItAndNeverOutsideDeploy() {
        Path deploy = Path.of("/srv/mirror/deploy");
        assertEquals(deploy.resolve("org.example.cfg"), DeployConfigWriteBack.deployFile(deploy, "org.example"));
        assertEquals(deploy.resolve("org.example.clock-lobby-left.cfg"),
                DeployConfigWriteBack.deployFile(deploy, "org.example.clock~lobby-left"));
        for (String pid : new String[] {"org.ex-ample", "../etc/passwd", "a~../../x", ".hidden", "a/b", "~x"}) {
            assertEquals(null, DeployConfigWriteBack.deployFile(deploy, pid), pid);
        }
    }
}
