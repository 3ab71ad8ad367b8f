package org.campusmirror.ws.autobahn;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small hand-made echo server for the self-tests, with switches that make it misbehave in one
 * specific way each. It is not an engine: no deflate, no limits, the happy path and the checks the
 * chosen cases need. Frames of any size are parsed incrementally.
 */
final class ScriptedServer implements EndpointUnderTest {

    /** The ways to misbehave; {@link #correct()} misbehaves in none. */
    record Faults(boolean skipUtf8Check, boolean utf8CheckAtMessageEnd, int protocolErrorCode, boolean keepTcpOpen,
            boolean ignorePings, boolean maskOwnFrames) {
        static Faults correct() {
            return new Faults(false, false, 1002, false, false, false);
        }

        Faults withSkipUtf8Check() {
            return new Faults(true, false, protocolErrorCode, keepTcpOpen, ignorePings, maskOwnFrames);
        }

        Faults withUtf8CheckAtMessageEnd() {
            return new Faults(false, true, protocolErrorCode, keepTcpOpen, ignorePings, maskOwnFrames);
        }

        Faults withProtocolErrorCode(int code) {
            return new Faults(skipUtf8Check, utf8CheckAtMessageEnd, code, keepTcpOpen, ignorePings, maskOwnFrames);
        }

        Faults withKeepTcpOpen() {
            return new Faults(skipUtf8Check, utf8CheckAtMessageEnd, protocolErrorCode, true, ignorePings, maskOwnFrames);
        }

        Faults withIgnorePings() {
            return new Faults(skipUtf8Check, utf8CheckAtMessageEnd, protocolErrorCode, keepTcpOpen, true, maskOwnFrames);
        }

        Faults withMaskOwnFrames() {
            return new Faults(skipUtf8Check, utf8CheckAtMessageEnd, protocolErrorCode, keepTcpOpen, ignorePings, true);
        }
    }

    private final Faults faults;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final StringBuilder head = new StringBuilder();
    private boolean open;
    private boolean closeSent;
    private boolean tcpClosed;
    // frame parsing
    private final byte[] header = new byte[14];
    private int headerFill;
    private boolean inPayload;
    private int opcode;
    private boolean fin;
    private long remaining;
    private byte[] mask;
    private long maskIndex;
    private final ByteArrayOutputStream control = new ByteArrayOutputStream();
    // message
    private boolean inMessage;
    private int messageOpcode;
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    private final Utf8Validator utf8 = new Utf8Validator();

    ScriptedServer(Faults faults) {
        this.faults = faults;
    }

    @Override
    public void receive(ByteBuffer fromPeer) {
        while (fromPeer.hasRemaining() && !tcpClosed) {
            if (!open) {
                head.append((char) (fromPeer.get() & 0xFF));
                if (head.toString().endsWith("\r\n\r\n")) {
                    answerHandshake();
                }
            } else if (inPayload) {
                payload(fromPeer);
            } else {
                header(fromPeer.get());
            }
        }
    }

    private void answerHandshake() {
        String key = head.toString().lines().filter(l -> l.toLowerCase().startsWith("sec-websocket-key:"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + OpeningHandshake.acceptFor(key) + "\r\n\r\n";
        output.writeBytes(response.getBytes(StandardCharsets.ISO_8859_1));
        open = true;
    }

    private void header(byte b) {
        header[headerFill++] = b;
        if (headerFill < 2) {
            return;
        }
        int code = header[1] & 0x7F;
        int need = 2 + (code == 126 ? 2 : code == 127 ? 8 : 0) + ((header[1] & 0x80) != 0 ? 4 : 0);
        if (headerFill < need) {
            return;
        }
        long length = code;
        int at = 2;
        if (code == 126) {
            length = (header[2] & 0xFF) << 8 | header[3] & 0xFF;
            at = 4;
        } else if (code == 127) {
            length = ByteBuffer.wrap(header, 2, 8).getLong();
            at = 10;
        }
        mask = (header[1] & 0x80) != 0 ? new byte[] {header[at], header[at + 1], header[at + 2], header[at + 3]} : null;
        headerFill = 0;
        opcode = header[0] & 0x0F;
        fin = (header[0] & 0x80) != 0;
        int rsv = (header[0] >> 4) & 7;
        if (rsv != 0 || mask == null || opcode > 2 && opcode < 8 || opcode > 10) {
            fail(faults.protocolErrorCode());
            return;
        }
        if (opcode >= 8 && (!fin || length > 125 || opcode == 8 && length == 1)) {
            fail(faults.protocolErrorCode());
            return;
        }
        if (opcode < 8) {
            if (opcode == 0 && !inMessage || opcode != 0 && inMessage) {
                fail(faults.protocolErrorCode());
                return;
            }
            if (opcode != 0) {
                inMessage = true;
                messageOpcode = opcode;
                message.reset();
                utf8.reset();
            }
        }
        control.reset();
        remaining = length;
        maskIndex = 0;
        inPayload = true;
        if (remaining == 0) {
            frameEnd();
        }
    }

    private void payload(ByteBuffer in) {
        int count = (int) Math.min(in.remaining(), remaining);
        byte[] bytes = new byte[count];
        in.get(bytes);
        for (int i = 0; i < count; i++) {
            bytes[i] ^= mask[(int) (maskIndex++ & 3)];
        }
        remaining -= count;
        if (opcode >= 8) {
            control.writeBytes(bytes);
        } else {
            message.writeBytes(bytes);
            if (messageOpcode == 1 && !faults.skipUtf8Check() && !faults.utf8CheckAtMessageEnd()
                    && !utf8.feed(bytes)) {
                fail(1007);
                return;
            }
        }
        if (remaining == 0) {
            frameEnd();
        }
    }

    private void frameEnd() {
        inPayload = false;
        if (opcode == 8) {
            byte[] payload = control.toByteArray();
            if (payload.length >= 2) {
                int code = (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
                if (!PeerProtocol.validCloseCode(code)) {
                    fail(faults.protocolErrorCode());
                    return;
                }
                byte[] reason = java.util.Arrays.copyOfRange(payload, 2, payload.length);
                if (!Utf8Validator.isValid(reason)) {
                    fail(1007);
                    return;
                }
            }
            if (!closeSent) {
                send(8, new byte[] {0x03, (byte) 0xE8});
                closeSent = true;
            }
            tcpClosed = !faults.keepTcpOpen();
        } else if (opcode == 9) {
            if (!faults.ignorePings() && !closeSent) {
                send(10, control.toByteArray());
            }
        } else if (opcode < 8 && fin) {
            inMessage = false;
            byte[] echo = message.toByteArray();
            if (messageOpcode == 1 && !faults.skipUtf8Check() && !Utf8Validator.isValid(echo)) {
                fail(1007);
                return;
            }
            if (!closeSent) {
                send(messageOpcode, echo);
            }
        }
    }

    private void fail(int code) {
        if (!closeSent) {
            send(8, new byte[] {(byte) (code >> 8), (byte) code});
            closeSent = true;
        }
        tcpClosed = true;
    }

    private void send(int code, byte[] payload) {
        byte[] frameMask = faults.maskOwnFrames() ? new byte[] {1, 2, 3, 4} : null;
        output.writeBytes(FrameSource.header(code, true, 0, frameMask, payload.length));
        for (int i = 0; i < payload.length; i++) {
            output.write(frameMask == null ? payload[i] : payload[i] ^ frameMask[i & 3]);
        }
    }

    @Override
    public ByteBuffer drainOutput() {
        ByteBuffer out = ByteBuffer.wrap(output.toByteArray());
        output.reset();
        return out;
    }

    @Override
    public boolean closedTransport() {
        return tcpClosed;
    }

    @Override
    public void peerClosedTransport() {
        tcpClosed = true;
    }

    @Override
    public void advanceTime(Duration elapsed) {
        // no timeouts of its own
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
