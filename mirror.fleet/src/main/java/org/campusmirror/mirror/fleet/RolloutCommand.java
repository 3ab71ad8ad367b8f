package org.campusmirror.mirror.fleet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

import org.campusmirror.mirror.fleet.trust.Refusal;
import org.campusmirror.mirror.widgets.http.FetchRequest;
import org.campusmirror.mirror.widgets.http.FetchResponse;
import org.campusmirror.mirror.widgets.http.HttpFetcher;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A signed rollout: {@code {"seq": N, "symbolicName", "version", "url": "https://...", "sha256": "<hex>"}} on
 * {@code PREFIX/rollout/GROUP}. The bundle is downloaded over HTTPS only (the widgets' polite HTTP client, which
 * also refuses a redirect down to http), at most the configured size, its SHA-256 compared with the signed one,
 * its manifest with the signed name and version; then it updates the installed bundle of that name, or is
 * installed (location {@code fleet:NAME}) and started.
 */
final class RolloutCommand {
    private RolloutCommand() {
    }

    static String apply(BundleContext context, HttpFetcher fetcher, long maxBytes, ObjectNode body) throws Refusal {
        String name = body.path("symbolicName").asText("");
        String versionText = body.path("version").asText("");
        String expected = body.path("sha256").asText("").toLowerCase(Locale.ROOT);
        if (name.isBlank() || !expected.matches("[0-9a-f]{64}")) {
            throw new Refusal(Refusal.Reason.INVALID, "a rollout names 'symbolicName', 'version', 'url' and 'sha256' "
                    + "(64 hex digits)");
        }
        Version version;
        try {
            version = Version.parseVersion(versionText);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Reason.INVALID, "'version' is not an OSGi version: " + versionText);
        }
        URI url;
        try {
            url = new URI(body.path("url").asText(""));
        } catch (URISyntaxException e) {
            throw new Refusal(Refusal.Reason.INVALID, "'url' is not a URL");
        }
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
            throw new Refusal(Refusal.Reason.NOT_HTTPS, "the bundle's URL is not HTTPS: " + url.getScheme() + "://"
                    + (url.getHost() == null ? "" : url.getHost()));
        }
        byte[] jar;
        try {
            FetchResponse response = fetcher.fetch(FetchRequest.get(url).withMaxBytes(maxBytes).withoutRevalidation());
            jar = response.body();
        } catch (IOException e) {
            throw new Refusal(Refusal.Reason.DOWNLOAD_FAILED, e.getMessage());
        }
        String actual = SignedCommands.sha256(jar);
        if (!actual.equals(expected)) {
            throw new Refusal(Refusal.Reason.SHA256_MISMATCH, "the download's SHA-256 is " + actual + ", the rollout "
                    + "names " + expected);
        }
        checkManifest(jar, name, version);
        try {
            Bundle installed = find(context, name);
            if (installed != null && installed.getBundleId() == 0) {
                throw new Refusal(Refusal.Reason.INVALID, "the framework itself is not rolled out");
            }
            if (installed != null) {
                installed.update(new ByteArrayInputStream(jar));
                installed.start();
                return "updated " + name + " " + version;
            }
            Bundle bundle = context.installBundle("fleet:" + name, new ByteArrayInputStream(jar));
            bundle.start();
            return "installed " + name + " " + version;
        } catch (BundleException | IllegalStateException | SecurityException e) {
            throw new Refusal(Refusal.Reason.INSTALL_FAILED, e.getMessage());
        }
    }

    static void checkManifest(byte[] jar, String name, Version version) throws Refusal {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            if (manifest == null) {
                throw new Refusal(Refusal.Reason.INVALID, "the download is not a bundle (no manifest)");
            }
            String actualName = String.valueOf(manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME))
                    .split(";", 2)[0].strip();
            Version actualVersion = Version.parseVersion(manifest.getMainAttributes().getValue(Constants.BUNDLE_VERSION));
            if (!actualName.equals(name) || !actualVersion.equals(version)) {
                throw new Refusal(Refusal.Reason.INVALID, "the bundle is " + actualName + " " + actualVersion
                        + ", the rollout names " + name + " " + version);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new Refusal(Refusal.Reason.INVALID, "the download is not a bundle: " + e.getMessage());
        }
    }

    private static Bundle find(BundleContext context, String name) {
        for (Bundle bundle : context.getBundles()) {
            if (name.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        return null;
    }
}
