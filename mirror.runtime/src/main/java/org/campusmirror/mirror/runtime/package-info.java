/** What bundles use of the runtime: readiness parts, the alert and widget refresh events, the mirror actions and its health (the widget API is {@code org.campusmirror.mirror.widget}). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.campusmirror.mirror.runtime;
