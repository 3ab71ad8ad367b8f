package org.campusmirror.mirror.runtime.internal.actions;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.campusmirror.mirror.runtime.MirrorActions;
import org.campusmirror.mirror.runtime.internal.display.MirrorDisplay;
import org.campusmirror.mirror.runtime.internal.power.DisplayPower;
import org.campusmirror.mirror.runtime.internal.widgets.WidgetRegistry;
import org.campusmirror.mirror.widget.Widget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What buttons do (GPIO, the console's virtual buttons, other bundles): pages and sleep change the display model
 * at once, so every display follows; the display power command (when a {@link DisplayPower} is there; without
 * one the page just blanks) and the widgets' {@link Widget#onAction} run on the runtime's action thread, in order,
 * so no caller waits for a panel or a widget. At most {@value #MAX_QUEUED} actions wait; more are dropped and
 * logged (a stuck button must not fill the heap).
 */
@Component(service = MirrorActions.class)
public final class MirrorActionsComponent implements MirrorActions {
    static final int MAX_QUEUED = 64;
    private static final Pattern ACTION_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger LOG = LoggerFactory.getLogger(MirrorActionsComponent.class);

    private final MirrorDisplay display;
    private final WidgetRegistry registry;
    private final ThreadPoolExecutor actionThread = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(MAX_QUEUED), task -> {
                Thread thread = new Thread(task, "mirror-actions");
                thread.setDaemon(true);
                return thread;
            });

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DisplayPower power;

    @Activate
    public MirrorActionsComponent(@Reference MirrorDisplay display, @Reference WidgetRegistry registry) {
        this.display = display;
        this.registry = registry;
    }

    @Deactivate
    void deactivate() {
        actionThread.shutdown();
    }

    @Override
    public void nextPage() {
        display.stepPage(1);
    }

    @Override
    public void previousPage() {
        display.stepPage(-1);
    }

    @Override
    public void sleep() {
        if (display.setAsleep(true)) {
            LOG.info("Display sleeps");
            switchPower(false);
        }
    }

    @Override
    public void wake() {
        if (display.setAsleep(false)) {
            LOG.info("Display wakes");
            switchPower(true);
        }
    }

    @Override
    public synchronized void toggleSleep() {
        if (asleep()) {
            wake();
        } else {
            sleep();
        }
    }

    @Override
    public boolean asleep() {
        return display.model().asleep();
    }

    @Override
    public void action(String name) {
        if (name == null || !ACTION_NAME.matcher(name).matches()) {
            LOG.warn("Action refused: '{}' is not 1-64 letters, digits, '.', '_' or '-'", name);
            return;
        }
        for (Widget widget : registry.widgets()) {
            run("action " + name, () -> {
                try {
                    widget.onAction(name);
                } catch (RuntimeException | LinkageError e) {
                    LOG.warn("Widget {} failed on action {}: {}", widget.getClass().getName(), name, e.toString());
                }
            });
        }
    }

    private void switchPower(boolean on) {
        run(on ? "display on" : "display off", () -> {
            DisplayPower current = power;
            if (current != null) {
                current.setOn(on);
            }
        });
    }

    private void run(String what, Runnable task) {
        try {
            actionThread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.warn("Dropped '{}': {} actions are waiting already, or the runtime stops", what, MAX_QUEUED);
        }
    }
}
