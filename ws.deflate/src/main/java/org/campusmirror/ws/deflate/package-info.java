/**
 * RFC 7692 permessage-deflate, an extension for the ws.protocol engine, after the Node.js {@code ws} library's
 * {@code lib/permessage-deflate.js}.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link org.campusmirror.ws.deflate.PerMessageDeflate}: the {@code ExtensionFactory} (negotiation, both
 *     roles, <a href="https://www.rfc-editor.org/rfc/rfc7692#section-5">RFC 7692 sections 5</a> and
 *     <a href="https://www.rfc-editor.org/rfc/rfc7692#section-7.1">7.1</a>), configured by
 *     {@link org.campusmirror.ws.deflate.PerMessageDeflateOptions};</li>
 * <li>{@link org.campusmirror.ws.deflate.DeflateExtension}: the {@code Extension} of one connection
 *     (compression and decompression, <a href="https://www.rfc-editor.org/rfc/rfc7692#section-7.2">section
 *     7.2</a>), with the agreed {@link org.campusmirror.ws.deflate.DeflateParameters};</li>
 * <li>{@link org.campusmirror.ws.deflate.SharedMessage}: a broadcast message compressed once for many
 *     connections.</li>
 * </ul>
 *
 * <h2>Parameters accepted</h2>
 * <table>
 * <caption>permessage-deflate parameters (names case-insensitive)</caption>
 * <tr><th>parameter</th><th>in a client offer</th><th>in a server response</th></tr>
 * <tr><td>{@code server_no_context_takeover}</td><td>no value</td><td>no value</td></tr>
 * <tr><td>{@code client_no_context_takeover}</td><td>no value</td><td>no value</td></tr>
 * <tr><td>{@code server_max_window_bits}</td><td>8..15, required</td><td>8..15, required</td></tr>
 * <tr><td>{@code client_max_window_bits}</td><td>no value, or 8..15</td><td>8..15, required</td></tr>
 * </table>
 * A value is a decimal integer without leading zeros, possibly quoted in the header. Anything else (an unknown
 * parameter, one that appears twice, a missing, surplus or malformed value) makes the element invalid: a
 * server declines that offer and tries the client's next one; a client fails the connection.
 *
 * <p>Every valid offer is accepted, whatever window it allows us: the decompressor
 * ({@code java.util.zip.Inflater}) reads streams of any window, and the compressor is
 * {@code java.util.zip.Deflater} for a 15-bit window and the in-house {@code WindowedDeflater} for 8..14
 * bits, whose back-references never reach farther than 2^bits bytes. Window bits are taken literally, as
 * RFC 7692 section 7.1.2 defines them: 8 means a 256-byte window (zlib would silently use 512 bytes for 8,
 * which a peer that allocated 256 could not decode). A client that asks for 8 gets 8.
 *
 * <h2>Compression</h2>
 * Messages below the threshold (default 1024 bytes), control frames, and messages sent while all compression
 * slots are busy go out uncompressed (RSV1 clear), as the RFC allows for any message. Each compressed part
 * ends with a sync flush; the {@code 00 00 ff ff} tail is removed from a message's end (section 7.2.1) and
 * appended again before inflating (7.2.2). When nothing is left of a message after removing the tail, the
 * single byte {@code 00} is sent (section 7.2.3.6). Received messages ending with a BFINAL block (7.2.3.4)
 * are read, and decompression carries on after them.
 *
 * <h2>Limits and memory</h2>
 * The engine applies {@code ProtocolLimits.maxMessageSize()} to the inflated bytes as they come out, in
 * pieces of at most 16 KiB, so a zip bomb fails with 1009 one piece after the limit and no more is ever
 * inflated or buffered. Native zlib memory (about 256 KiB per Deflater at memLevel 8, about 40 KiB per
 * Inflater) is freed with {@code end()} when the connection ends. Without context takeover on our side no
 * Deflater stays with a connection: at most {@code concurrencyLimit} pooled ones exist per
 * {@link org.campusmirror.ws.deflate.PerMessageDeflate}. Each connection that received a compressed message
 * keeps an Inflater and up to the peer's window of history (for the BFINAL case); the history is reported as
 * {@code Extension.retainedBytes()}, which the engine charges to the connection's budget. Inflated pieces go
 * through one 16 KiB buffer per thread, not per connection.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.campusmirror.ws.deflate;
