/** The non-blocking WebSocket server and client, endpoints and broadcast. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.campusmirror.ws.server;
