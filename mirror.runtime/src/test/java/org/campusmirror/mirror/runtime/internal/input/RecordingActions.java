package org.campusmirror.mirror.runtime.internal.input;

import java.util.ArrayList;
import java.util.List;

import org.campusmirror.mirror.runtime.MirrorActions;

/** MirrorActions that keeps the sleep state as the runtime does and records every call that changed something. */
final class RecordingActions implements MirrorActions {
    final List<String> calls = new ArrayList<>();
    private boolean asleep;

    @Override
    public void nextPage() {
        calls.add("nextPage");
    }

    @Override
    public void previousPage() {
        calls.add("previousPage");
    }

    @Override
    public void sleep() {
        if (!asleep) {
            asleep = true;
            calls.add("sleep");
        }
    }

    @Override
    public void wake() {
        if (asleep) {
            asleep = false;
            calls.add("wake");
        }
    }

    @Override
    public void toggleSleep() {
        if (asleep) {
            wake();
        } else {
            sleep();
        }
    }

    @Override
    public boolean asleep() {
        return asleep;
    }

    @Override
    public void action(String name) {
        calls.add("action:" + name);
    }

    /** The calls so far, then forgets them. */
    List<String> take() {
        List<String> taken = List.copyOf(calls);
        calls.clear();
        return taken;
    }
}
