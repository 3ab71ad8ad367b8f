package org.campusmirror.mirror.runtime.internal.display;

import java.time.Clock;

import org.campusmirror.mirror.runtime.internal.alerts.AlertBoard;
import org.campusmirror.mirror.runtime.internal.layout.Layout;
import org.campusmirror.mirror.runtime.internal.layout.LayoutConfiguration;
import org.campusmirror.mirror.runtime.internal.layout.PageRotation;
import org.campusmirror.mirror.runtime.internal.timing.ExecutorTimer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state every display shows ({@link DisplayModel}) with what drives it besides widgets: the layout
 * configuration (PID {@value LayoutConfiguration#PID}, applied without losing state), page rotation, sleep, and the
 * alert board. It owns the runtime's timer thread. The other parts of the runtime reference this component.
 */
@Component(service = MirrorDisplay.class, configurationPid = LayoutConfiguration.PID, immediate = true)
@Designate(ocd = LayoutConfiguration.class)
public final class MirrorDisplay {
    private static final Logger LOG = LoggerFactory.getLogger(MirrorDisplay.class);

    private final ExecutorTimer timer = new ExecutorTimer("mirror-timer");
    private final Clock clock = Clock.systemUTC();
    private final DisplayModel model;
    private final PageRotation rotation;
    private final AlertBoard alerts;

    @Activate
    public MirrorDisplay(LayoutConfiguration config) {
        Layout layout = parse(config);
        model = new DisplayModel(layout);
        rotation = new PageRotation(timer, model);
        alerts = new AlertBoard(timer, clock, model::setAlerts);
        rotation.restart();
    }

    @Modified
    void modified(LayoutConfiguration config) {
        model.setLayout(parse(config));
        rotation.restart();
    }

    @Deactivate
    void deactivate() {
        rotation.stop();
        timer.close();
    }

    public DisplayModel model() {
        return model;
    }

    public ExecutorTimer timer() {
        return timer;
    }

    public Clock clock() {
        return clock;
    }

    public AlertBoard alerts() {
        return alerts;
    }

    /** Moves {@code steps} pages on (negative: back). */
    public void stepPage(int steps) {
        rotation.step(steps);
    }

    /** Shows a named page; false when the layout has none of that name. */
    public boolean showPage(String name) {
        synchronized (rotation) {
            boolean known = model.showPage(name);
            rotation.restart();
            return known;
        }
    }

    /** Blanks the display or lights it again; rotation pauses meanwhile. Returns whether it changed. */
    public boolean setAsleep(boolean asleep) {
        synchronized (rotation) {
            boolean changed = model.setAsleep(asleep);
            rotation.restart();
            return changed;
        }
    }

    private static Layout parse(LayoutConfiguration config) {
        Layout layout = Layout.from(config);
        layout.problems().forEach(problem -> LOG.warn("Layout configuration {}: {}", LayoutConfiguration.PID, problem));
        return layout;
    }
}
