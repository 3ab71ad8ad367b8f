package org.campusmirror.mirror.runtime.internal.display;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

import org.osgi.framework.Bundle;

/** Files the runtime serves from its own bundle (the display page, the console plugin's script). */
public final class BundleEntries {
    private BundleEntries() {
    }

    /** The bytes of {@code path} in {@code bundle}; a missing file is a broken build, not a 404. */
    public static byte[] read(Bundle bundle, String path) throws IOException {
        URL url = bundle.getEntry(path);
        if (url == null) {
            throw new IOException(path + " is missing from bundle " + bundle.getSymbolicName());
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }
}
