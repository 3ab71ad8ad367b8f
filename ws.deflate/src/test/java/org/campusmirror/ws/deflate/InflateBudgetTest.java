package org.campusmirror.ws.deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.campusmirror.ws.protocol.CountingBudget;
import org.campusmirror.ws.protocol.CloseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Inflated bytes count against the connection's budget: the message as it is inflated, and the history the
 * decompressor keeps between messages; all of it goes back when the connection ends.
 */
class InflateBudgetTest {
    private static final String TEXT = "{\"widget\":\"canteen\",\"meal\":\"pasta\"} ".repeat(300);
    private Peers peers;

    @AfterEach
    void close() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void theHistoryIsChargedWhileTheConnectionLivesAndGivenBackAtItsEnd() {
        CountingBudget budget = new CountingBudget(1 << 20);
        peers = Peers.builder().serverBudget(budget).build();
        peers.client.sendText(TEXT);
        peers.clientToServer();
        assertEquals(TEXT, peers.serverEvents.messages.get(0).text());
        assertTrue(budget.used() >= 8 << 10, "the history (and a kept buffer) stay charged: " + budget.used());
        peers.server.transportClosed();
        assertEquals(0, budget.used());
    }

    @Test
    void inflatedBytesThatDoNotFitFailWith1013() {
        CountingBudget budget = new CountingBudget(4 << 10);
        peers = Peers.builder().serverBudget(budget).build();
        peers.client.sendText(TEXT);
        peers.clientToServer();
        assertEquals(0, peers.serverEvents.messages.size());
        assertEquals(CloseStatus.TRY_AGAIN_LATER, peers.serverEvents.errors.get(0).closeCode());
        peers.server.transportClosed();
        assertEquals(0, budget.used());
    }
}
