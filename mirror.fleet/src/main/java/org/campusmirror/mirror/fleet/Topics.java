package org.campusmirror.mirror.fleet;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The topic contract (README, "Fleet"), under a configurable prefix:
 * <pre>
 * PREFIX/mirrors/MIRROR_ID/status   retained status, and the MQTT 5 will (offline)
 * PREFIX/mirrors/MIRROR_ID/events   what the mirror did with each configuration and rollout
 * PREFIX/announce/all               retained announcement for every mirror
 * PREFIX/announce/GROUP             retained announcement for a group
 * PREFIX/config/GROUP/PID           signed configuration of one PID or factory instance (factoryPid~name)
 * PREFIX/rollout/GROUP              signed widget bundle rollout
 * </pre>
 */
public record Topics(String prefix) {
    /** Group names, mirror ids and topic prefixes: one topic level, no wildcards, nothing surprising. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** A PID or factoryPid~name. */
    private static final Pattern PID = Pattern.compile("[A-Za-z0-9_.-]{1,200}(~[A-Za-z0-9_.-]{1,100})?");
    public static final String ALL = "all";

    public Topics {
        if (!NAME.matcher(prefix).matches()) {
            throw new IllegalArgumentException("topic prefix '" + prefix
                    + "' must be one topic level of letters, digits, '.', '_' or '-'");
        }
    }

    /** Whether {@code name} can be a group or mirror id: one topic level, no wildcard, no '/'. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public static boolean validPid(String pid) {
        return pid != null && PID.matcher(pid).matches();
    }

    public String status(String mirrorId) {
        return prefix + "/mirrors/" + mirrorId + "/status";
    }

    public String events(String mirrorId) {
        return prefix + "/mirrors/" + mirrorId + "/events";
    }

    public String announce(String group) {
        return prefix + "/announce/" + group;
    }

    public String config(String group, String pid) {
        return prefix + "/config/" + group + "/" + pid;
    }

    public String rollout(String group) {
        return prefix + "/rollout/" + group;
    }

    /** Subscription filters of a mirror in {@code group}. */
    public String configFilter(String group) {
        return prefix + "/config/" + group + "/+";
    }

    public String allStatuses() {
        return prefix + "/mirrors/+/status";
    }

    public String allEvents() {
        return prefix + "/mirrors/+/events";
    }

    /** What a received topic is. */
    public sealed interface Parsed {
    }

    public record Announce(String group) implements Parsed {
    }

    public record Config(String group, String pid) implements Parsed {
    }

    public record Rollout(String group) implements Parsed {
    }

    public record Status(String mirrorId) implements Parsed {
    }

    public record Events(String mirrorId) implements Parsed {
    }

    /** Reads a topic of this contract; empty for anything else. */
    public Optional<Parsed> parse(String topic) {
        if (topic == null || !topic.startsWith(prefix + "/")) {
            return Optional.empty();
        }
        String[] levels = topic.substring(prefix.length() + 1).split("/", -1);
        if (levels.length == 2 && levels[0].equals("announce") && validName(levels[1])) {
            return Optional.of(new Announce(levels[1]));
        }
        if (levels.length == 2 && levels[0].equals("rollout") && validName(levels[1])) {
            return Optional.of(new Rollout(levels[1]));
        }
        if (levels.length == 3 && levels[0].equals("config") && validName(levels[1]) && validPid(levels[2])) {
            return Optional.of(new Config(levels[1], levels[2]));
        }
        if (levels.length == 3 && levels[0].equals("mirrors") && validName(levels[1])) {
            if (levels[2].equals("status")) {
                return Optional.of(new Status(levels[1]));
            }
            if (levels[2].equals("events")) {
                return Optional.of(new Events(levels[1]));
            }
        }
        return Optional.empty();
    }
}
