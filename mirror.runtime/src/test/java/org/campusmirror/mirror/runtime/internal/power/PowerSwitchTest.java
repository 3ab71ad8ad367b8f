package org.campusmirror.mirror.runtime.internal.power;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import org.junit.jupiter.api.Test;

/** Coalescing: the caller never waits, and rapid toggles end in the last state asked for. */
class PowerSwitchTest {
    private final Queue<Runnable> queued = new ArrayDeque<>();
    private final List<Boolean> commands = new ArrayList<>();
    private boolean succeed = true;

    private void runQueued() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    @Test
    void requestsBeforeTheThreadRunsCollapseIntoTheLast() {
        PowerSwitch powerSwitch = new PowerSwitch(queued::add, on -> commands.add(on));
        powerSwitch.set(false);
        powerSwitch.set(true);
        powerSwitch.set(false);
        assertEquals(1, queued.size(), "one task for the three requests");
        runQueued();
        assertEquals(List.of(false), commands);
    }

    @Test
    void requestsWhileACommandRunsEndInTheLastOneAfterAtMostOneMoreCommand() {
        PowerSwitch[] powerSwitch = new PowerSwitch[1];
        powerSwitch[0] = new PowerSwitch(queued::add, on -> {
            commands.add(on);
            if (commands.size() == 1) { // toggled three times while "wlopm --off" runs
                powerSwitch[0].set(true);
                powerSwitch[0].set(false);
                powerSwitch[0].set(true);
            }
            return true;
        });
        powerSwitch[0].set(false);
        runQueued();
        assertEquals(List.of(false, true), commands);
    }

    @Test
    void theStateTheLastSuccessfulCommandSetRunsNothingButAFailedOneIsTriedAgain() {
        PowerSwitch powerSwitch = new PowerSwitch(queued::add, on -> {
            commands.add(on);
            return succeed;
        });
        powerSwitch.set(true);
        runQueued();
        powerSwitch.set(true);
        runQueued();
        assertEquals(List.of(true), commands);

        succeed = false;
        powerSwitch.set(false);
        runQueued();
        powerSwitch.set(false);
        runQueued();
        assertEquals(List.of(true, false, false), commands);
    }
}
