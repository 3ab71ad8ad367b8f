package org.campusmirror.mirror.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.campusmirror.mirror.fleet.trust.Refusal;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class RolloutCommandTest {
    private final ObjectMapper json = new ObjectMapper();

    private static byte[] bundle(String name, String version) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", name + ";singleton:=true");
        manifest.getMainAttributes().putValue("Bundle-Version", version);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JarOutputStream(bytes, manifest).close();
        return bytes.toByteArray();
    }

    @Test
    void theManifestMustNameTheSignedBundleAndVersion() throws Exception {
        byte[] jar = bundle("org.example.widget", "1.2.0");
        RolloutCommand.checkManifest(jar, "org.example.widget", Version.parseVersion("1.2.0"));
        assertEquals("invalid", assertThrows(Refusal.class, () -> RolloutCommand.checkManifest(jar,
                "org.example.other", Version.parseVersion("1.2.0"))).code());
        assertEquals("invalid", assertThrows(Refusal.class, () -> RolloutCommand.checkManifest(jar,
                "org.example.widget", Version.parseVersion("1.3.0"))).code());
        assertEquals("invalid", assertThrows(Refusal.class, () -> RolloutCommand.checkManifest(
                "not a jar".getBytes(), "org.example.widget", Version.parseVersion("1.2.0"))).code());
    }

    @Test
    void aUrlThatIsNotHttpsIsRefusedBeforeAnyDownload() {
        for (String url : new String[] {"http://mirror.example/w.jar", "ftp://mirror.example/w.jar", "file:///etc/passwd",
                "https:///nohost.jar", "not a url"}) {
            ObjectNode body = json.createObjectNode().put("symbolicName", "org.example.widget").put("version", "1.0.0")
                    .put("url", url).put("sha256", "a".repeat(64));
            // No context and no fetcher: reaching either would throw something else than a refusal.
            Refusal refusal = assertThrows(Refusal.class, () -> RolloutCommand.apply(null, null, 1024, body), url);
            assertTrue(refusal.code().equals("not-https") || refusal.code().equals("invalid"), url + ": " + refusal.code());
        }
    }

    @Test
    void aRolloutWithoutNameOrWithABadDigestIsInvalid() {
        ObjectNode noDigest = json.createObjectNode().put("symbolicName", "x").put("version", "1.0.0")
                .put("url", "https://mirror.example/w.jar").put("sha256", "xyz");
        assertEquals("invalid", assertThrows(Refusal.class, () -> RolloutCommand.apply(null, null, 1024, noDigest)).code());
        ObjectNode badVersion = json.createObjectNode().put("symbolicName", "x").put("version", "one")
                .put("url", "https://mirror.example/w.jar").put("sha256", "a".repeat(64));
        assertEquals("invalid", assertThrows(Refusal.class, () -> RolloutCommand.apply(null, null, 1024, badVersion)).code());
    }
}
