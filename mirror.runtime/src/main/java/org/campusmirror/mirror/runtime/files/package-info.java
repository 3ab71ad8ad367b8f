/**
 * Files the mirror keeps under its home and in {@code deploy/}, written so that a kill or a power cut never leaves
 * one half-written ({@link AtomicFiles}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.campusmirror.mirror.runtime.files;
