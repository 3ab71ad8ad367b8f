/** What bundles use of the runtime: readiness parts and the alert events (the widget API is {@code org.campusmirror.mirror.widget}). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.campusmirror.mirror.runtime;
