/** The widget API of Campus Mirror: what a widget bundle implements and what the runtime offers it. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.campusmirror.mirror.runtime;
