package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the HTTP/1.1 head of an opening handshake (<a href="https://www.rfc-editor.org/rfc/rfc9112#section-2">RFC
 * 9112 section 2</a>) from bytes arriving in any pieces, and never holds more than
 * {@link ProtocolLimits#maxHandshakeBytes()} of them.
 *
 * <p>Only the head is consumed: bytes after the empty line that ends it (e.g. a server's first frames right
 * after its 101 response) stay in the buffer for the connection. Lines end with CRLF; a bare LF is accepted
 * too (section 2.2 allows it), a bare CR is not. Empty lines before a request line are skipped (2.2);
 * obsolete line folding is refused (5.2). Field values are read as ISO-8859-1.
 *
 * <p>Failures are {@link HandshakeException}s with the status a server answers: 431 for a head over the
 * limit, 400 for a malformed one. One parser per handshake; once failed it stays failed.
 */
public final class HttpHeadParser {
    private final int maxBytes;
    private byte[] head = new byte[512];
    private int length;
    private int lineLength;
    private int skipped;
    private boolean sawLine;
    private HandshakeException failure;

    /** A parser for heads of at most {@code maxBytes} bytes, request line and headers included. */
    public HttpHeadParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Returns the request head, or null when {@code in} does not complete it yet. */
    public HttpRequestHead parseRequest(ByteBuffer in) throws HandshakeException {
        List<String> lines = readLines(in);
        if (lines == null) {
            return null;
        }
        String[] start = lines.get(0).split(" ", -1);
        if (start.length != 3 || !HttpTokens.isToken(start[0]) || start[1].isEmpty() || !isVersion(start[2])) {
            throw fail(400, "malformed request line");
        }
        return new HttpRequestHead(start[0], start[1], start[2], headers(lines));
    }

    /** Returns the response head, or null when {@code in} does not complete it yet. */
    public HttpResponseHead parseResponse(ByteBuffer in) throws HandshakeException {
        List<String> lines = readLines(in);
        if (lines == null) {
            return null;
        }
        String[] start = lines.get(0).split(" ", 3);
        if (start.length < 2 || !isVersion(start[0]) || !start[1].matches("[0-9]{3}")) {
            throw fail(400, "malformed status line");
        }
        return new HttpResponseHead(start[0], Integer.parseInt(start[1]), start.length == 3 ? start[2] : "",
                headers(lines));
    }

    /** Consumes head bytes; returns the head's lines once the empty line arrived, else null. */
    private List<String> readLines(ByteBuffer in) throws HandshakeException {
        if (failure != null) {
            throw new HandshakeException(failure.status(), failure.getMessage());
        }
        if (head == null) {
            throw new IllegalStateException("the head was already parsed; use a new parser per handshake");
        }
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (lineLength == 0 && sawLine) {
                    return splitLines();
                }
                if (lineLength > 0) {
                    sawLine = true;
                } else {
                    // An empty line before the start line is skipped (RFC 9112 section 2.2), but it counts
                    // against the limit, or endless CRLFs would never be refused.
                    skipped += length + 1;
                    length = 0;
                    if (skipped > maxBytes) {
                        throw fail(431, "handshake head larger than " + maxBytes + " bytes");
                    }
                    continue;
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
            if (length + skipped >= maxBytes) {
                throw fail(431, "handshake head larger than " + maxBytes + " bytes");
            }
            if (length == head.length) {
                head = Arrays.copyOf(head, Math.min(maxBytes, head.length * 2));
            }
            head[length++] = b;
        }
        return null;
    }

    private List<String> splitLines() throws HandshakeException {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (head[i] == '\n') {
                int end = i > start && head[i - 1] == '\r' ? i - 1 : i;
                for (int j = start; j < end; j++) {
                    if (head[j] == '\r') {
                        throw fail(400, "bare CR in the head");
                    }
                }
                lines.add(new String(head, start, end - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        head = null;
        return lines;
    }

    private List<HttpHeader> headers(List<String> lines) throws HandshakeException {
        List<HttpHeader> headers = new ArrayList<>(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith(" ") || line.startsWith("\t")) {
                throw fail(400, "obsolete line folding");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !HttpTokens.isToken(line.substring(0, colon))) {
                throw fail(400, "malformed header line");
            }
            String value = line.substring(colon + 1).strip();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if ((c < 0x20 && c != '\t') || c == 0x7F) {
                    throw fail(400, "control character in a header value");
                }
            }
            headers.add(new HttpHeader(line.substring(0, colon), value));
        }
        return headers;
    }

    private static boolean isVersion(String version) {
        return version.length() == 8 && version.startsWith("HTTP/") && Character.isDigit(version.charAt(5))
                && version.charAt(6) == '.' && Character.isDigit(version.charAt(7));
    }

    private HandshakeException fail(int status, String message) {
        failure = new HandshakeException(status, message);
        head = null;
        return failure;
    }
}
