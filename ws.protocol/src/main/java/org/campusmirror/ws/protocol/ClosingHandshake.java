package org.campusmirror.ws.protocol;

/**
 * Where one connection stands in the closing handshake (RFC 6455 sections 7.1.1-7.1.7), as plain facts: close
 * frame sent, close frame received, failed, terminated, timed out, TCP gone, and the closing deadline. It
 * decides what the connection may still do and when TCP should close; {@link WebSocketConnection} does the
 * sending and the events.
 */
final class ClosingHandshake {
    private final Role role;
    private final long timeoutNanos;
    private boolean closeSent;
    private boolean closeReceived;
    private boolean failed;
    private boolean terminated;
    private boolean timedOut;
    private boolean transportClosed;
    private int peerCode = CloseStatus.ABNORMAL;
    private String peerReason = "";
    private boolean deadlineSet;
    private long deadline;

    ClosingHandshake(Role role, long timeoutNanos) {
        this.role = role;
        this.timeoutNanos = timeoutNanos;
    }

    /** Data and control frames may still be sent: no close frame sent, not terminated, TCP not gone. */
    boolean canSend() {
        return !closeSent && !terminated && !transportClosed;
    }

    /** Received bytes are still processed: nothing ended the connection and the peer's close has not come. */
    boolean acceptsInput() {
        return !failed && !closeReceived && !terminated && !transportClosed && !timedOut;
    }

    /** Server after the handshake (7.1.1); either role after failing (7.1.7), terminating or timing out. */
    boolean shouldCloseTransport() {
        if (transportClosed) {
            return false;
        }
        return failed || terminated || timedOut || (closeSent && closeReceived && role == Role.SERVER);
    }

    boolean hasDeadline() {
        return deadlineSet && !transportClosed && !shouldCloseTransport();
    }

    long deadline() {
        return deadline;
    }

    WebSocketConnection.State state() {
        if (transportClosed) {
            return WebSocketConnection.State.CLOSED;
        }
        boolean closing = closeSent || closeReceived || failed || terminated || timedOut;
        return closing ? WebSocketConnection.State.CLOSING : WebSocketConnection.State.OPEN;
    }

    /** Our close frame went into the queue; wait at most the closing timeout for the peer's. */
    void closeSent(long now) {
        closeSent = true;
        startDeadline(now);
    }

    /** The peer's close frame arrived; a client now waits for the server to close TCP. */
    void closeReceived(int code, String reason, long now) {
        closeReceived = true;
        peerCode = code;
        peerReason = reason;
        if (role == Role.CLIENT) {
            startDeadline(now);
        }
    }

    void fail() {
        failed = true;
    }

    void terminate() {
        terminated = true;
    }

    void timeOut() {
        if (hasDeadline()) {
            timedOut = true;
        }
    }

    /** Marks TCP gone; returns false if it already was (the transport reported it twice). */
    boolean transportClosed() {
        if (transportClosed) {
            return false;
        }
        transportClosed = true;
        return true;
    }

    /** The code {@code onClose} reports: the peer's, or 1006 when no close frame arrived (7.1.5). */
    int reportedCode() {
        return closeReceived ? peerCode : CloseStatus.ABNORMAL;
    }

    String reportedReason() {
        return closeReceived ? peerReason : "";
    }

    private void startDeadline(long now) {
        deadlineSet = true;
        deadline = now + timeoutNanos;
    }
}
