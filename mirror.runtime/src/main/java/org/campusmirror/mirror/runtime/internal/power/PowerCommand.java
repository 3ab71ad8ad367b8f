package org.campusmirror.mirror.runtime.internal.power;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One command that turns the panel on or off: program and arguments (never a shell), the environment variables it
 * gets on top of the mirror's {@link #INHERITED} ones, and what it reads on standard input ({@code cec-client}).
 */
record PowerCommand(List<String> argv, Map<String, String> environment, String input) {
    /**
     * What a command inherits from the mirror's own environment. Nothing else: not MIRROR_ADMIN_PASSWORD, nor
     * whatever else the service was started with.
     */
    static final List<String> INHERITED = List.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "LC_CTYPE",
            "TZ", "XDG_RUNTIME_DIR", "WAYLAND_DISPLAY", "DISPLAY", "XAUTHORITY");

    PowerCommand {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
    }

    /** The environment the command runs with: the inherited variables of {@code parent}, then this command's. */
    Map<String, String> childEnvironment(Map<String, String> parent) {
        Map<String, String> child = new TreeMap<>();
        for (String name : INHERITED) {
            String value = parent.get(name);
            if (value != null) {
                child.put(name, value);
            }
        }
        child.putAll(environment);
        return child;
    }

    @Override
    public String toString() {
        return String.join(" ", argv);
    }
}
