package org.campusmirror.ws.protocol.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Header names and the key/accept computation of the opening handshake (RFC 6455 sections 4.1, 4.2.2, 11.3). */
public final class HandshakeHeaders {
    public static final String HOST = "Host";
    public static final String UPGRADE = "Upgrade";
    public static final String CONNECTION = "Connection";
    public static final String ORIGIN = "Origin";
    /** Where HyBi drafts 07-12 (version 8) put the origin. */
    public static final String SEC_WEBSOCKET_ORIGIN = "Sec-WebSocket-Origin";
    public static final String SEC_WEBSOCKET_KEY = "Sec-WebSocket-Key";
    public static final String SEC_WEBSOCKET_ACCEPT = "Sec-WebSocket-Accept";
    public static final String SEC_WEBSOCKET_VERSION = "Sec-WebSocket-Version";
    public static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";
    public static final String SEC_WEBSOCKET_EXTENSIONS = "Sec-WebSocket-Extensions";
    public static final String WEBSOCKET = "websocket";
    /** The versions we speak: 13 (RFC 6455) and 8 (HyBi drafts 07-12), as a 426 response lists them. */
    public static final String SUPPORTED_VERSIONS = "13, 8";

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private HandshakeHeaders() {
    }

    /** Sec-WebSocket-Accept = base64(SHA-1(key + GUID)), RFC 6455 section 4.2.2 item 5.4. */
    public static String acceptFor(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] digest = sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
    }

    /** Whether {@code key} is base64 of exactly 16 bytes (RFC 6455 section 4.1 item 7). */
    public static boolean isValidKey(String key) {
        if (key == null || key.length() != 24 || !key.endsWith("==")) {
            return false;
        }
        for (int i = 0; i < 22; i++) {
            char c = key.charAt(i);
            boolean base64 = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/';
            if (!base64) {
                return false;
            }
        }
        return true;
    }
}
