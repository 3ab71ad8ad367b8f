/** What bundles use of the runtime: readiness parts, the alert events and the mirror actions (the widget API is {@code org.campusmirror.mirror.widget}). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.campusmirror.mirror.runtime;
