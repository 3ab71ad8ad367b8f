package org.campusmirror.ws.autobahn;

import java.util.function.Consumer;

/**
 * A case whose whole logic is its {@code onOpen}, given as a lambda in the case tables, plus the two
 * grading tweaks some suite cases add: WRONG CODE fails the behaviour (7.x), or the case is always
 * informational (7.1.6, 7.13.x).
 */
final class Scripted extends CaseScript {
    private final Consumer<Scripted> open;
    boolean wrongCodeFails;
    boolean informational;

    Scripted(Consumer<Scripted> open) {
        this.open = open;
    }

    @Override
    void onOpen() {
        open.accept(this);
    }

    @Override
    void onConnectionLost() {
        super.onConnectionLost();
        if (wrongCodeFails && WRONG_CODE.equals(behaviorClose)) {
            behavior = FAILED;
            result = resultClose;
        }
        if (informational) {
            // 7.1.6 names its two outcomes; 7.13.x only say the spec leaves them open
            boolean namedOutcomes = expected.containsKey(NON_STRICT);
            String observed = namedOutcomes && OK.equals(behavior) ? "Text message was processed before close."
                    : namedOutcomes && NON_STRICT.equals(behavior)
                            ? "Close was processed before text message could be returned."
                            : "Actual events are undefined by the spec.";
            behavior = INFORMATIONAL;
            behaviorClose = INFORMATIONAL;
            result = observed;
        }
    }
}
