package org.campusmirror.mirror.runtime.internal.display;

import org.osgi.framework.Bundle;

/**
 * The runtime's version as displays see it: the bundle version and the time the bundle was installed or updated.
 * A restart keeps it (the framework storage is kept), an update of the bundle changes it, and a page that was
 * served by another one reloads itself.
 */
public final class RuntimeVersion {
    private RuntimeVersion() {
    }

    public static String of(Bundle bundle) {
        return bundle.getVersion() + "-" + Long.toString(bundle.getLastModified(), 36);
    }
}
