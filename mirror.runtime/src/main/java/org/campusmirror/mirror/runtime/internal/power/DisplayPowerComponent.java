package org.campusmirror.mirror.runtime.internal.power;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.campusmirror.mirror.runtime.MirrorActions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the panel with the command of configuration {@value DisplayPowerConfig#PID} (default: {@code wlopm}).
 * A configuration that cannot work is refused with one log line naming every problem (and no stack trace), and then
 * nothing runs: sleep only blanks the page until it is fixed. At activation the panel is switched to the display's state, so it
 * matches after a restart.
 *
 * <p>The command runs as the mirror's user. Whoever can save this configuration (a console admin) can make the
 * mirror run any program as that user; the same admin can already install bundles, so this opens nothing new, and
 * the command gets no shell, only the variables of {@link PowerCommand#INHERITED} and the preset's, and a time limit.
 */
@Component(service = DisplayPower.class, configurationPid = DisplayPowerConfig.PID)
@Designate(ocd = DisplayPowerConfig.class)
public final class DisplayPowerComponent implements DisplayPower {
    private static final Logger LOG = LoggerFactory.getLogger(DisplayPowerComponent.class);

    private final PowerCommands commands;
    private final CommandRunner runner = new CommandRunner(System.getenv());
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), task -> {
                Thread worker = new Thread(task, "mirror-display-power");
                worker.setDaemon(true);
                return worker;
            });
    private final PowerSwitch powerSwitch = new PowerSwitch(thread, this::switchPanel);

    @Activate
    public DisplayPowerComponent(DisplayPowerConfig config, @Reference MirrorActions actions) {
        commands = checked(config);
        List<String> missing = commands.missingPrograms(System.getenv("PATH"));
        if (!missing.isEmpty()) {
            LOG.warn("Display power {}: {} not found on this machine; sleep only blanks the page until it is "
                    + "installed", commands.preset(), String.join(", ", missing));
        }
        if (commands.on() != null) {
            powerSwitch.set(!actions.asleep());
        }
    }

    /** The configuration's commands, or none (NONE) when it is refused. */
    private static PowerCommands checked(DisplayPowerConfig config) {
        try {
            return PowerCommands.from(config, runtimeDir());
        } catch (IllegalArgumentException e) {
            LOG.error("Configuration {} refused, sleep only blanks the page until it is fixed: {}",
                    DisplayPowerConfig.PID, e.getMessage());
            return PowerCommands.NONE;
        }
    }

    @Deactivate
    void deactivate() {
        thread.shutdown();
    }

    @Override
    public void setOn(boolean on) {
        if (commands.on() != null) {
            powerSwitch.set(on);
        }
    }

    private boolean switchPanel(boolean on) {
        PowerCommand command = on ? commands.on() : commands.off();
        if (PowerCommands.findProgram(command.argv().get(0), System.getenv("PATH")).isEmpty()) {
            LOG.debug("Display power {}: {} is not installed", on ? "on" : "off", command.argv().get(0));
            return false; // said once at activation; looked for again each time, so installing it is enough
        }
        try {
            CommandRunner.Result result = runner.run(command, commands.timeout());
            if (!result.succeeded()) {
                LOG.warn("Display power {} ({}) failed: {}", on ? "on" : "off", command,
                        result.describe(commands.timeout()));
            }
            return result.succeeded();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code /run/user/UID} of the mirror's user, where a desktop session keeps its Wayland socket. */
    private static Optional<Path> runtimeDir() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Optional.of(Path.of("/run/user", String.valueOf(uid)));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
