package org.campusmirror.ws.autobahn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fuzzing-server mode in memory, against a tiny echo client that handles unfragmented frames. */
class FuzzingServerModeTest {

    /** Sends its Upgrade request, then echoes single-frame messages masked and answers close. */
    static final class TinyClient implements EndpointUnderTest {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream in = new ByteArrayOutputStream();
        private boolean open;
        private boolean closed;

        TinyClient() {
            out.writeBytes(("GET /runCase HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void receive(ByteBuffer fromPeer) {
            byte[] bytes = new byte[fromPeer.remaining()];
            fromPeer.get(bytes);
            in.writeBytes(bytes);
            byte[] data = in.toByteArray();
            int at = 0;
            if (!open) {
                String text = new String(data, StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                if (end < 0) {
                    return;
                }
                open = true;
                at = end + 4;
            }
            while (data.length - at >= 2) {
                int length = data[at + 1] & 0x7F;
                int headerLength = 2;
                if (length == 126) {
                    if (data.length - at < 4) {
                        break;
                    }
                    length = (data[at + 2] & 0xFF) << 8 | data[at + 3] & 0xFF;
                    headerLength = 4;
                }
                if (data.length - at < headerLength + length) {
                    break;
                }
                int opcode = data[at] & 0x0F;
                byte[] payload = java.util.Arrays.copyOfRange(data, at + headerLength, at + headerLength + length);
                at += headerLength + length;
                if (opcode == 1 || opcode == 2 || opcode == 9 || opcode == 8) {
                    send(opcode == 9 ? 10 : opcode, opcode == 8 ? new byte[] {0x03, (byte) 0xE8} : payload);
                }
            }
            in.reset();
            in.write(data, at, data.length - at);
        }

        private void send(int opcode, byte[] payload) {
            byte[] mask = {7, 7, 7, 7};
            out.writeBytes(FrameSource.header(opcode, true, 0, mask, payload.length));
            for (int i = 0; i < payload.length; i++) {
                out.write(payload[i] ^ mask[i & 3]);
            }
        }

        @Override
        public ByteBuffer drainOutput() {
            ByteBuffer bytes = ByteBuffer.wrap(out.toByteArray());
            out.reset();
            return bytes;
        }

        @Override
        public boolean closedTransport() {
            return closed;
        }

        @Override
        public void peerClosedTransport() {
            closed = true;
        }

        @Override
        public void advanceTime(Duration elapsed) {
        }
    }

    private static CaseResult run(String id) {
        return FuzzingPeer.runInMemory(CaseCatalogue.byId(id), FuzzerMode.FUZZING_SERVER, c -> new TinyClient(),
                PeerOptions.defaults());
    }

    @Test
    @Timeout(30)
    void echoingClientPassesSimpleCases() {
        for (String id : new String[] {"1.1.1", "1.1.6", "1.2.3", "2.2", "7.3.3"}) {
            CaseResult result = run(id);
            assertEquals(Verdict.OK, result.verdict(), result.explain());
        }
    }

    @Test
    @Timeout(30)
    void clientThatEchoesARejectedFrameFails() {
        // the tiny client does not check RSV bits: it echoes the frame instead of failing with 1002
        CaseResult result = run("3.1");
        assertEquals(Verdict.FAILED, result.verdict(), result.explain());
    }
}
