package org.campusmirror.ws.protocol;

/**
 * The frame opcodes of <a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.2">RFC 6455 section 5.2</a>.
 * Opcodes 3-7 and 11-15 are reserved: {@link #fromCode(int)} returns {@code null} for them and the
 * parser fails the connection with {@link CloseStatus#PROTOCOL_ERROR}.
 */
public enum OpCode {
    CONTINUATION(0x0),
    TEXT(0x1),
    BINARY(0x2),
    CLOSE(0x8),
    PING(0x9),
    PONG(0xA);

    private static final OpCode[] BY_CODE = new OpCode[16];

    static {
        for (OpCode op : values()) {
            BY_CODE[op.code] = op;
        }
    }

    private final int code;

    OpCode(int code) {
        this.code = code;
    }

    /** The 4-bit value on the wire. */
    public int code() {
        return code;
    }

    /** Control frames (close, ping, pong) have the high opcode bit set (RFC 6455 section 5.5). */
    public boolean isControl() {
        return (code & 0x8) != 0;
    }

    /** Text and binary frames start a data message (RFC 6455 section 5.6). */
    public boolean isDataStart() {
        return this == TEXT || this == BINARY;
    }

    /** The opcode for a 4-bit value, or {@code null} when the value is reserved. */
    public static OpCode fromCode(int code) {
        return code >= 0 && code < 16 ? BY_CODE[code] : null;
    }
}
