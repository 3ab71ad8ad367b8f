package org.campusmirror.mirror.runtime.internal.widgets;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.campusmirror.mirror.runtime.Readiness;
import org.campusmirror.mirror.runtime.internal.display.MirrorDisplay;
import org.campusmirror.mirror.runtime.internal.display.Tile;
import org.campusmirror.mirror.runtime.internal.display.TileState;
import org.campusmirror.mirror.runtime.internal.timing.Timer;
import org.campusmirror.mirror.widget.Widget;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks every {@link Widget} service while it is registered, refreshes it ({@link RefreshScheduler}), puts its
 * tile on the displays, caches its last good data ({@link WidgetCache}), and shows widget components that failed
 * to activate as error tiles ({@link FailedWidgets}). Announces the readiness part {@value Readiness#WIDGETS} once
 * the framework has started and every widget expected then has finished its first refresh (or run past its
 * timeout, or failed to activate), or after the readiness wait at the latest. Expected are the widgets registered
 * then and those configured then ({@link ConfiguredWidgets}), whose configurations may still be on their way to
 * Declarative Services.
 */
@Component(service = WidgetRegistry.class, immediate = true, configurationPid = RegistryConfiguration.PID)
@Designate(ocd = RegistryConfiguration.class)
public final class WidgetRegistry implements RefreshScheduler.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(WidgetRegistry.class);
    /** Hung refreshes beyond which no new refresh thread is started. */
    static final int MAX_HUNG = 16;
    private static final Duration RESCAN_DELAY = Duration.ofMillis(300);
    private static final Duration RESCAN_PERIOD = Duration.ofSeconds(30);
    private static final Duration READINESS_RESCAN = Duration.ofMillis(500);
    private static final Duration STARTUP_FALLBACK = Duration.ofSeconds(60);

    private final BundleContext context;
    private final MirrorDisplay display;
    private final ServiceComponentRuntime components;
    private final RegistryConfiguration config;
    private final ThreadPoolExecutor refreshThreads;
    private final ThreadPoolExecutor cacheThread;
    private final RefreshScheduler scheduler;
    private final WidgetCache cache;
    private final Map<Long, WidgetEntry> byService = new ConcurrentHashMap<>();
    private final Map<String, WidgetEntry> byId = new ConcurrentHashMap<>();
    private final Map<String, FailedWidgets.FailedWidget> failed = new ConcurrentHashMap<>();
    private final Map<String, RefreshOutcome.Fresh> unsaved = new ConcurrentHashMap<>();
    private final AtomicLong generations = new AtomicLong();
    private final FrameworkListener frameworkListener = this::frameworkEvent;
    private final ServiceListener widgetListener = event -> rescanSoon();
    private final BundleListener bundleListener = event -> rescanSoon();
    private final Object readiness = new Object();
    private Set<String> awaitingFirstRefresh;
    private ServiceRegistration<?> readyMarker;
    private Timer.Cancellable rescan;
    private boolean rescanSoon;
    private volatile boolean closed;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configurations;

    @Activate
    public WidgetRegistry(BundleContext context, RegistryConfiguration config, @Reference MirrorDisplay display,
            @Reference ServiceComponentRuntime components) throws InvalidSyntaxException {
        this.context = context;
        this.config = config;
        this.display = display;
        this.components = components;
        int parallelism = Math.max(1, Math.min(16, config.refreshThreads()));
        refreshThreads = new ThreadPoolExecutor(0, parallelism + MAX_HUNG, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), namedThreads("mirror-widget-"));
        cacheThread = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                namedThreads("mirror-cache-"));
        scheduler = new RefreshScheduler(parallelism, Duration.ofSeconds(Math.max(1, config.refreshTimeoutSeconds())),
                display.timer(), display.clock(), refreshThreads, this);
        cache = new WidgetCache(cacheFolder(context), Math.max(64, config.cacheKibibytes()) * 1024L, display.clock());
        try {
            cache.open();
        } catch (IOException e) {
            LOG.warn("Widget cache: cannot open {} ({}); widgets start without cached data", cacheFolder(context),
                    e.toString());
        }
        context.addFrameworkListener(frameworkListener);
        context.addServiceListener(widgetListener, "(" + Constants.OBJECTCLASS + "=" + Widget.class.getName() + ")");
        context.addBundleListener(bundleListener);
        if (startLevelsDone(context)) {
            display.timer().execute(this::startReadiness);
        } else {
            // The start-level event normally comes within seconds; should it never come, wait no longer than this.
            display.timer().schedule(this::startReadiness, STARTUP_FALLBACK);
        }
        scheduleRescan(RESCAN_DELAY);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = Widget.class)
    void addWidget(Widget widget, ServiceReference<Widget> reference) {
        if (closed) {
            return;
        }
        Map<String, Object> properties = properties(reference);
        WidgetDescriptor descriptor = WidgetDescriptor.of(properties);
        Bundle bundle = reference.getBundle();
        String bundleName = bundle == null ? "?" : bundle.getSymbolicName();
        String renderer = bundle == null ? "0" : bundle.getBundleId() + "-" + bundle.getLastModified();
        WidgetEntry entry;
        synchronized (byId) {
            if (byId.containsKey(descriptor.id()) || failed.containsKey(descriptor.id())) {
                descriptor = descriptor.withId(descriptor.id() + "-" + reference.getProperty(Constants.SERVICE_ID));
            }
            entry = new WidgetEntry(widget, descriptor, bundleName, renderer, generations.incrementAndGet());
            byId.put(descriptor.id(), entry);
        }
        byService.put((Long) reference.getProperty(Constants.SERVICE_ID), entry);
        if (descriptor.problems().isEmpty()) {
            cache.load(descriptor.id(), descriptor.kind()).ifPresent(entry::restore);
            cache.track(descriptor.id(), entry.generation);
        } else {
            LOG.warn("Widget {} of {} cannot show: {}", descriptor.rawId(), bundleName, entry.status().error());
            firstRefreshDone(descriptor.id());
        }
        display.model().putTile(entry.tile());
        if (descriptor.problems().isEmpty()) {
            WidgetRefresh job = new WidgetRefresh(widget, cancelled -> new WidgetRefreshContext(
                    display.model().layout(), display.clock(), entry.lastGood(), cancelled));
            scheduler.add(descriptor.id(), job, descriptor.interval());
        }
        LOG.info("Widget {} ({}) from {} added, refreshed every {} s", descriptor.id(), descriptor.kind(), bundleName,
                descriptor.interval().toSeconds());
    }

    void updatedWidget(Widget widget, ServiceReference<Widget> reference) {
        removeWidget(widget, reference);
        addWidget(widget, reference);
    }

    void removeWidget(Widget widget, ServiceReference<Widget> reference) {
        WidgetEntry entry = byService.remove((Long) reference.getProperty(Constants.SERVICE_ID));
        if (entry == null) {
            return;
        }
        // Order matters: after the scheduler lets go, no refresh result and no cache write of this entry remains.
        scheduler.remove(entry.id());
        unsaved.remove(entry.id());
        cache.forget(entry.id());
        byId.remove(entry.id(), entry);
        display.model().removeTile(entry.id());
        firstRefreshDone(entry.id());
        LOG.info("Widget {} removed", entry.id());
    }

    @Deactivate
    void deactivate() {
        closed = true;
        context.removeFrameworkListener(frameworkListener);
        context.removeServiceListener(widgetListener);
        context.removeBundleListener(bundleListener);
        synchronized (this) {
            if (rescan != null) {
                rescan.cancel();
            }
        }
        scheduler.close();
        byService.values().forEach(entry -> display.model().removeTile(entry.id()));
        failed.keySet().forEach(display.model()::removeTile);
        byService.clear();
        byId.clear();
        refreshThreads.shutdownNow();
        cacheThread.shutdown();
        try {
            cacheThread.awaitTermination(5, TimeUnit.SECONDS);
            if (!refreshThreads.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("Widget refreshes still running at shutdown ignore their interrupt: {} thread(s) left",
                        refreshThreads.getActiveCount());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cache.close();
        synchronized (readiness) {
            if (readyMarker != null) {
                readyMarker.unregister();
                readyMarker = null;
            }
        }
    }

    /** Every widget, the failed ones included, by id. */
    public List<WidgetStatus> statuses() {
        List<WidgetStatus> all = new ArrayList<>();
        byId.values().forEach(entry -> all.add(entry.status()));
        failed.values().forEach(widget -> all.add(new WidgetStatus(widget.descriptor(), widget.bundle(),
                TileState.ERROR, widget.failure(), null, false, null, null, widget.failure(), null, null, false)));
        all.sort(Comparator.comparing(WidgetStatus::id));
        return all;
    }

    /** The widget services, for named actions. */
    public List<Widget> widgets() {
        return byService.values().stream().map(entry -> entry.widget).toList();
    }

    /** Refreshes a widget now (see {@link RefreshScheduler#refreshNow}). */
    public void refreshNow(String id) {
        scheduler.refreshNow(id);
    }

    /** Refreshes every widget of this kind now; {@link WidgetRefreshEventHandler} calls it. */
    public void refreshKindNow(String kind) {
        byId.values().stream().filter(entry -> entry.descriptor.kind().equals(kind))
                .forEach(entry -> scheduler.refreshNow(entry.id()));
    }

    /** Threads inside a widget's refresh now, hung ones included. */
    public int busyThreads() {
        return refreshThreads.getActiveCount();
    }

    // ---------------------------------------------------------------- refresh results (under the scheduler's lock)

    @Override
    public void finished(String id, RefreshOutcome outcome, Instant started, Instant ended, boolean late) {
        WidgetEntry entry = byId.get(id);
        if (entry == null) {
            return;
        }
        String before = entry.status().error();
        entry.finished(outcome, ended, late);
        display.model().putTile(entry.tile());
        String after = entry.status().error();
        if (outcome instanceof RefreshOutcome.Fresh fresh) {
            saveLater(entry, fresh);
            if (before != null) {
                LOG.info("Widget {} has data again", id);
            }
        } else if (!late && !after.equals(before)) {
            // Once per new message: a widget failing every second must not fill the log.
            LOG.info("Widget {}: {}", id, after);
        }
        firstRefreshDone(id);
    }

    @Override
    public void overdue(String id, Instant started, Duration timeout) {
        WidgetEntry entry = byId.get(id);
        if (entry != null) {
            boolean newlyHung = entry.overdue(started, timeout);
            display.model().putTile(entry.tile());
            if (newlyHung) {
                LOG.warn("Widget {} has not answered within {} s; it is interrupted and not refreshed again until it "
                        + "returns", id, timeout.toSeconds());
            }
            firstRefreshDone(id);
        }
    }

    @Override
    public void notStarted(String id, String reason) {
        WidgetEntry entry = byId.get(id);
        if (entry != null) {
            entry.notStarted(reason, display.clock().instant());
            display.model().putTile(entry.tile());
            LOG.warn("Widget {} not refreshed: {}", id, reason);
        }
    }

    /** The cache is written on its own thread, latest data per widget, never under the scheduler's lock. */
    private void saveLater(WidgetEntry entry, RefreshOutcome.Fresh fresh) {
        if (unsaved.put(entry.id(), fresh) == null) {
            cacheThread.execute(() -> {
                RefreshOutcome.Fresh latest = unsaved.remove(entry.id());
                if (latest != null) {
                    cache.offer(entry.id(), entry.generation, entry.descriptor.kind(), latest.json(),
                            latest.model().asOf());
                }
            });
        }
    }

    // ---------------------------------------------------------------- components that failed to activate

    /** A widget service or bundle changed: look again shortly (a burst of events makes one scan). */
    private synchronized void rescanSoon() {
        if (!closed && !rescanSoon) {
            scheduleRescan(RESCAN_DELAY);
            rescanSoon = true;
        }
    }

    private synchronized void scheduleRescan(Duration delay) {
        if (rescan != null) {
            rescan.cancel();
        }
        rescan = display.timer().schedule(this::rescanFailed, delay);
        rescanSoon = false;
    }

    private void rescanFailed() {
        synchronized (this) {
            if (closed) {
                return;
            }
            // Also look now and then: a component can fail to activate without any service event.
            scheduleRescan(RESCAN_PERIOD);
        }
        Map<String, FailedWidgets.FailedWidget> found = new HashMap<>();
        for (FailedWidgets.FailedWidget widget : FailedWidgets.find(components)) {
            found.put(widget.descriptor().id(), widget);
        }
        for (String id : Set.copyOf(failed.keySet())) {
            if (!found.containsKey(id)) {
                failed.remove(id);
                display.model().removeTile(id);
                LOG.info("Widget {} no longer fails to activate", id);
            }
        }
        found.forEach((id, widget) -> {
            synchronized (byId) {
                if (byId.containsKey(id)) {
                    return;
                }
                if (failed.put(id, widget) == null) {
                    LOG.warn("Widget {} of {} failed to activate: {}", id, widget.bundle(), widget.failure());
                }
            }
            firstRefreshDone(id);
            WidgetDescriptor descriptor = widget.descriptor();
            display.model().putTile(new Tile(id, descriptor.kind(), descriptor.title(), descriptor.region().id(),
                    descriptor.pages(), TileState.ERROR, widget.failure(), null, null, "0"));
        });
    }

    // ---------------------------------------------------------------- readiness

    private void frameworkEvent(FrameworkEvent event) {
        // The launcher starts the framework at a low start level and then raises it: STARTED may come before the
        // widget bundles start, STARTLEVEL_CHANGED once the level is reached.
        if ((event.getType() == FrameworkEvent.STARTED || event.getType() == FrameworkEvent.STARTLEVEL_CHANGED)
                && startLevelsDone(context)) {
            display.timer().execute(this::startReadiness);
        }
    }

    private void startReadiness() {
        rescanFailed();
        synchronized (readiness) {
            if (awaitingFirstRefresh != null || closed) {
                return;
            }
            awaitingFirstRefresh = new HashSet<>(configuredIds());
            for (WidgetEntry entry : byId.values()) {
                WidgetStatus status = entry.status();
                if (entry.descriptor.problems().isEmpty() && status.lastRefresh() == null
                        && status.runningSince() == null) {
                    awaitingFirstRefresh.add(entry.id());
                } else {
                    awaitingFirstRefresh.remove(entry.id());
                }
            }
            awaitingFirstRefresh.removeAll(failed.keySet());
            LOG.debug("Readiness waits for the first refresh of {}", awaitingFirstRefresh);
        }
        Duration wait = Duration.ofSeconds(Math.max(0, config.readinessWaitSeconds()));
        display.timer().schedule(() -> announceReady(true), wait);
        display.timer().schedule(this::lookForFailuresWhileStarting, READINESS_RESCAN);
        firstRefreshDone(null);
    }

    /** A configuration that fails to activate sends no event: while readiness waits, look for such failures often. */
    private void lookForFailuresWhileStarting() {
        synchronized (readiness) {
            if (closed || readyMarker != null || awaitingFirstRefresh.isEmpty()) {
                return;
            }
        }
        rescanFailed();
        display.timer().schedule(this::lookForFailuresWhileStarting, READINESS_RESCAN);
    }

    private void firstRefreshDone(String id) {
        synchronized (readiness) {
            if (awaitingFirstRefresh == null || readyMarker != null) {
                return;
            }
            if (id != null) {
                awaitingFirstRefresh.remove(id);
            }
            if (!awaitingFirstRefresh.isEmpty()) {
                return;
            }
        }
        // Registering a service fires events: never under the scheduler's lock, where this may be called.
        display.timer().execute(() -> announceReady(false));
    }

    private void announceReady(boolean waitOver) {
        synchronized (readiness) {
            if (readyMarker != null || closed) {
                return;
            }
            if (waitOver && !awaitingFirstRefresh.isEmpty()) {
                LOG.warn("Readiness stopped waiting for the first refresh of {} after {} s", awaitingFirstRefresh,
                        config.readinessWaitSeconds());
            }
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(Readiness.PART_PROPERTY, Readiness.WIDGETS);
            properties.put("mirror.widgets.count", byId.size() + failed.size());
            long refreshed = byId.values().stream().filter(entry -> entry.status().lastRefresh() != null).count();
            LOG.info("Widgets ready: {} on the display, {} refreshed{}", byId.size() + failed.size(), refreshed,
                    awaitingFirstRefresh.isEmpty() ? "" : ", " + awaitingFirstRefresh.size() + " given up on");
            readyMarker = context.registerService(WidgetRegistry.ReadyMarker.class, new ReadyMarker(), properties);
        }
    }

    /** The service that stands for the readiness part {@value Readiness#WIDGETS}. */
    public static final class ReadyMarker {
    }

    /** The ids of the widgets configured now, whether or not Declarative Services activated them yet. */
    private Set<String> configuredIds() {
        ConfigurationAdmin admin = configurations;
        if (admin == null) {
            return Set.of();
        }
        return ConfiguredWidgets.ids(components.getComponentDescriptionDTOs(), components::isComponentEnabled,
                pid -> {
                    try {
                        String quoted = pid.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                                .replace("*", "\\*");
                        Configuration[] found = admin.listConfigurations("(|(" + Constants.SERVICE_PID + "=" + quoted
                                + ")(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + quoted + "))");
                        return found == null ? List.of()
                                : Arrays.stream(found).map(Configuration::getPid).toList();
                    } catch (IOException | InvalidSyntaxException e) {
                        LOG.debug("Readiness cannot list the configurations of {}: {}", pid, e.toString());
                        return List.of();
                    }
                });
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Whether the framework has started every bundle that is to start: it is active, and its start level has reached
     * that of every bundle marked to start (a widget bundle installed through deploy/ has the highest).
     */
    private static boolean startLevelsDone(BundleContext context) {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        int active = system.adapt(FrameworkStartLevel.class).getStartLevel();
        int highest = 1;
        for (Bundle bundle : context.getBundles()) {
            BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
            if (level != null && level.isPersistentlyStarted()) {
                highest = Math.max(highest, level.getStartLevel());
            }
        }
        return system.getState() == Bundle.ACTIVE && active >= highest;
    }

    private static Path cacheFolder(BundleContext context) {
        String home = context.getProperty("mirror.home");
        return home == null ? context.getDataFile("cache").toPath() : Path.of(home, "cache");
    }

    private static Map<String, Object> properties(ServiceReference<?> reference) {
        Map<String, Object> properties = new HashMap<>();
        for (String key : reference.getPropertyKeys()) {
            properties.put(key, reference.getProperty(key));
        }
        return properties;
    }

    private static java.util.concurrent.ThreadFactory namedThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Thread {} died", t.getName(), e));
            return thread;
        };
    }
}
