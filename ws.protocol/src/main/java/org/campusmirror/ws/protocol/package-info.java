/** The RFC 6455 WebSocket protocol engine: frames, parser, writer, handshake, close codes, extension SPI. It does no I/O. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.campusmirror.ws.protocol;
