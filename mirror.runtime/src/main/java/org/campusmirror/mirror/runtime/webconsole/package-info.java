/**
 * Pieces for Web Console plugins of Campus Mirror bundles (the runtime's "Mirror" plugin, the fleet's "Fleet"):
 * their common servlet ({@link ConsolePluginServlet}), the request helpers and the guard against cross-site request
 * forgery on their forms.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.campusmirror.mirror.runtime.webconsole;
