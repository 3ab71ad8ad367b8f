/**
 * The RFC 6455 WebSocket protocol engine, sans-IO: it takes bytes in and gives events and bytes out, and
 * never touches a socket, a thread or a timer. Any transport can drive it: an NIO selector loop, blocking
 * streams, a servlet upgrade, a test.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>Opening handshake (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-4">RFC 6455 section 4</a>):
 *     {@link org.campusmirror.ws.protocol.HttpHeadParser} (incremental, size-limited),
 *     {@link org.campusmirror.ws.protocol.ServerHandshake}, {@link org.campusmirror.ws.protocol.ClientHandshake}.</li>
 * <li>The connection after the handshake: {@link org.campusmirror.ws.protocol.WebSocketConnection} with a
 *     {@link org.campusmirror.ws.protocol.WebSocketListener}; it frames, masks, fragments, validates UTF-8,
 *     answers pings and runs the closing handshake (sections 5-8).</li>
 * <li>Frame level tools: {@link org.campusmirror.ws.protocol.FrameParser},
 *     {@link org.campusmirror.ws.protocol.FrameWriter}, {@link org.campusmirror.ws.protocol.Masking},
 *     {@link org.campusmirror.ws.protocol.Utf8Validator}, {@link org.campusmirror.ws.protocol.CloseStatus}.</li>
 * <li>The extension SPI (<a href="https://www.rfc-editor.org/rfc/rfc7692#section-5">RFC 7692 section 5</a>):
 *     {@link org.campusmirror.ws.protocol.ExtensionFactory} negotiates,
 *     {@link org.campusmirror.ws.protocol.Extension} transforms messages.</li>
 * <li>Every limit in one record: {@link org.campusmirror.ws.protocol.ProtocolLimits}.</li>
 * </ul>
 *
 * <h2>Buffer ownership</h2>
 * <ul>
 * <li>Input: {@code receive(in)} consumes all of {@code in} and may unmask bytes in place inside it; once it
 *     returns the transport may reuse the buffer. The engine copies only what it must keep (a partial frame
 *     header, a message that spans reads).</li>
 * <li>Events: buffers handed to a listener are valid during the call only (often they are the transport's
 *     read buffer itself); copy what you keep.</li>
 * <li>Sending: {@code sendText}/{@code sendBinary}/fragments copy the caller's bytes (masking while copying
 *     for a client) and never modify them. {@code sendEncoded} queues a shared read-only view, no copy.</li>
 * <li>Output: {@link org.campusmirror.ws.protocol.OutboundQueue} holds the bytes to write; the transport
 *     writes them (a gathering write is fine) and calls {@code removeWritten()}; the buffers stay the
 *     engine's.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * A connection, a parser, a writer and a handshake parser are confined to one thread at a time. Handshake
 * configurations ({@code ServerHandshake}), {@code EncodedFrame} and {@code ProtocolLimits} are immutable
 * and shared freely. See {@code ws.protocol/README.md} for the transport's duties step by step.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.campusmirror.ws.protocol;
