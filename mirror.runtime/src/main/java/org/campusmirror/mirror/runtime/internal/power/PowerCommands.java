package org.campusmirror.mirror.runtime.internal.power;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.campusmirror.mirror.runtime.internal.ConfigReader;

/**
 * The on and off commands of a display-power configuration, checked: a configuration that cannot work is refused
 * with every problem named, before anything runs.
 *
 * @param on  null for {@link PowerPreset#NONE}
 * @param off null for {@link PowerPreset#NONE}
 */
record PowerCommands(PowerPreset preset, PowerCommand on, PowerCommand off, Duration timeout) {
    static final int MAX_TIMEOUT_SECONDS = 120;
    /** No commands: the page only blanks. */
    static final PowerCommands NONE = new PowerCommands(PowerPreset.NONE, null, null, Duration.ofSeconds(1));
    // Values that become arguments or environment variables: no option injection (a leading '-'), no spaces.
    private static final Pattern OUTPUT = Pattern.compile("\\*|[A-Za-z0-9_][A-Za-z0-9._:-]{0,63}");
    private static final Pattern WAYLAND_DISPLAY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,63}|/[^\\s]{1,255}");
    private static final Pattern X11_DISPLAY = Pattern.compile("[A-Za-z0-9.-]{0,64}:\\d{1,3}(\\.\\d{1,2})?");

    /**
     * @param runtimeDir the mirror user's runtime folder ({@code /run/user/UID}), for a Wayland socket given by name
     * @throws IllegalArgumentException naming every problem
     */
    static PowerCommands from(DisplayPowerConfig config, Optional<Path> runtimeDir) {
        ConfigReader reader = new ConfigReader();
        PowerPreset preset = reader.read("preset", config::preset);
        Integer timeout = reader.readInt("timeoutSeconds", config::timeoutSeconds, 1, MAX_TIMEOUT_SECONDS);
        PowerCommand on = null;
        PowerCommand off = null;
        if (preset != null) {
            switch (preset) {
                case WLOPM -> {
                    String output = checked(reader, "output", config.output(), OUTPUT, "an output name like HDMI-A-1, or *");
                    Map<String, String> environment = wayland(reader, config.waylandDisplay(), runtimeDir);
                    on = new PowerCommand(List.of("wlopm", "--on", output), environment, null);
                    off = new PowerCommand(List.of("wlopm", "--off", output), environment, null);
                }
                case XSET -> {
                    Map<String, String> environment = new HashMap<>();
                    environment.put("DISPLAY", checked(reader, "x11Display", config.x11Display(), X11_DISPLAY, "a display like :0"));
                    String xauthority = config.xauthority() == null ? "" : config.xauthority().strip();
                    if (!xauthority.isEmpty()) {
                        if (!Path.of(xauthority).isAbsolute()) {
                            reader.problem("xauthority '" + xauthority + "' is not an absolute path");
                        }
                        environment.put("XAUTHORITY", xauthority);
                    }
                    on = new PowerCommand(List.of("xset", "dpms", "force", "on"), environment, null);
                    off = new PowerCommand(List.of("xset", "dpms", "force", "off"), environment, null);
                }
                case CEC -> {
                    Integer address = reader.readInt("cecAddress", config::cecAddress, 0, 15);
                    List<String> argv = List.of("cec-client", "-s", "-d", "1");
                    on = new PowerCommand(argv, Map.of(), "on " + address + "\n");
                    off = new PowerCommand(argv, Map.of(), "standby " + address + "\n");
                }
                case CUSTOM -> {
                    on = custom(reader, "onCommand", config.onCommand());
                    off = custom(reader, "offCommand", config.offCommand());
                }
                case NONE -> { }
            }
        }
        reader.throwIfProblems("display power");
        return new PowerCommands(preset, on, off, Duration.ofSeconds(timeout));
    }

    private static String checked(ConfigReader reader, String key, String value, Pattern allowed, String expected) {
        String trimmed = value == null ? "" : value.strip();
        if (!allowed.matcher(trimmed).matches()) {
            reader.problem(key + " '" + trimmed + "' is not " + expected);
        }
        return trimmed;
    }

    private static Map<String, String> wayland(ConfigReader reader, String display, Optional<Path> runtimeDir) {
        String socket = checked(reader, "waylandDisplay", display, WAYLAND_DISPLAY,
                "a socket name like wayland-0 or an absolute path");
        Map<String, String> environment = new HashMap<>();
        environment.put("WAYLAND_DISPLAY", socket);
        // A socket named without a path lives in XDG_RUNTIME_DIR; a service has none set, so give it the user's.
        if (!socket.startsWith("/") && System.getenv("XDG_RUNTIME_DIR") == null) {
            runtimeDir.ifPresent(dir -> environment.put("XDG_RUNTIME_DIR", dir.toString()));
        }
        return environment;
    }

    private static PowerCommand custom(ConfigReader reader, String key, String command) {
        try {
            List<String> argv = CommandLine.split(command);
            String program = argv.get(0);
            if (program.contains("/") && !Path.of(program).isAbsolute()) {
                reader.problem(key + ": the program '" + program + "' is a relative path; give an absolute path or "
                        + "a name on PATH");
            }
            return new PowerCommand(argv, Map.of(), null);
        } catch (IllegalArgumentException e) {
            reader.problem(key + ": " + e.getMessage());
            return null;
        }
    }

    /** The programs of these commands that cannot be found now (a warning: they may be installed later). */
    List<String> missingPrograms(String path) {
        List<String> missing = new ArrayList<>();
        for (PowerCommand command : on == null ? List.<PowerCommand>of() : List.of(on, off)) {
            String program = command.argv().get(0);
            if (!missing.contains(program) && findProgram(program, path).isEmpty()) {
                missing.add(program);
            }
        }
        return missing;
    }

    static Optional<Path> findProgram(String program, String path) {
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program)) ? Optional.of(Path.of(program)) : Optional.empty();
        }
        for (String dir : (path == null ? "/usr/local/bin:/usr/bin:/bin" : path).split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
