package org.campusmirror.mirror.runtime.internal;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.campusmirror.mirror.runtime.Readiness;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.service.servlet.runtime.HttpServiceRuntimeConstants;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs {@value Readiness#READY_LINE} once every part named in {@value Readiness#PARTS_PROPERTY} is up (see
 * {@link Readiness}): {@code http} by probing the display page on this machine once the HTTP whiteboard runtime is
 * registered, every other part by tracking services that carry {@value Readiness#PART_PROPERTY}.
 */
@Component(immediate = true, service = {})
public final class ReadinessComponent {
    static final Logger LOG = LoggerFactory.getLogger("org.campusmirror.mirror");
    private static final long PROBE_INTERVAL_MILLIS = 200;
    private static final long SLOW_START_WARNING_SECONDS = 60;

    private final ReadinessTracker tracker;
    private final ScheduledExecutorService scheduler;
    private final ServiceTracker<Object, List<String>> announcers;
    private final ServiceTracker<HttpServiceRuntime, ServiceReference<HttpServiceRuntime>> httpRuntimes;
    private final ScheduledFuture<?> slowStartWarning;
    /** Deactivating: parts go away because we stop tracking them, not because they went down. */
    private volatile boolean stopping;

    @Activate
    public ReadinessComponent(BundleContext context) throws InvalidSyntaxException {
        tracker = new ReadinessTracker(ReadinessTracker.parseParts(context.getProperty(Readiness.PARTS_PROPERTY)),
                ReadinessComponent::announce);
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mirror-readiness");
            thread.setDaemon(true);
            return thread;
        });
        slowStartWarning = scheduler.schedule(this::warnIfStillWaiting, SLOW_START_WARNING_SECONDS, TimeUnit.SECONDS);
        announcers = trackAnnouncers(context);
        httpRuntimes = trackHttpRuntime(context);
        announcers.open();
        httpRuntimes.open();
    }

    @Deactivate
    void deactivate() {
        stopping = true;
        slowStartWarning.cancel(false);
        httpRuntimes.close();
        announcers.close();
        scheduler.shutdownNow();
    }

    private static void announce(Set<String> parts) {
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        LOG.info("{} ({}) {} ms after JVM start", Readiness.READY_LINE, String.join(", ", parts), uptime);
    }

    private void warnIfStillWaiting() {
        if (!tracker.announced()) {
            LOG.warn("Campus Mirror is not ready after {} s; still waiting for: {}", SLOW_START_WARNING_SECONDS,
                    String.join(", ", tracker.missing()));
        }
    }

    private ServiceTracker<Object, List<String>> trackAnnouncers(BundleContext context)
            throws InvalidSyntaxException {
        Filter filter = context.createFilter("(" + Readiness.PART_PROPERTY + "=*)");
        return new ServiceTracker<>(context, filter, null) {
            @Override
            public List<String> addingService(ServiceReference<Object> reference) {
                List<String> parts = partsOf(reference.getProperty(Readiness.PART_PROPERTY));
                boolean wasReady = tracker.announced();
                parts.forEach(tracker::up);
                if (wasReady) {
                    LOG.info("Campus Mirror readiness: {} up again", String.join(", ", parts));
                }
                return parts;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, List<String> parts) {
                parts.forEach(tracker::down);
                if (!stopping) {
                    LOG.warn("Campus Mirror readiness: {} down", String.join(", ", parts));
                }
            }
        };
    }

    private ServiceTracker<HttpServiceRuntime, ServiceReference<HttpServiceRuntime>> trackHttpRuntime(
            BundleContext context) {
        return new ServiceTracker<>(context, HttpServiceRuntime.class, null) {
            @Override
            public ServiceReference<HttpServiceRuntime> addingService(ServiceReference<HttpServiceRuntime> ref) {
                List<String> endpoints = partsOf(ref.getProperty(HttpServiceRuntimeConstants.HTTP_SERVICE_ENDPOINT));
                String port = context.getProperty("org.osgi.service.http.port");
                URI page = PagePath.localPage(endpoints, port, context.getProperty("mirror.http.host"));
                probeUntilServed(page);
                return ref;
            }

            @Override
            public void removedService(ServiceReference<HttpServiceRuntime> ref,
                    ServiceReference<HttpServiceRuntime> service) {
                tracker.down(Readiness.HTTP);
            }
        };
    }

    private void probeUntilServed(URI page) {
        HttpProbe probe = new HttpProbe(page);
        Runnable attempt = new Runnable() {
            @Override
            public void run() {
                try {
                    if (probe.served()) {
                        tracker.up(Readiness.HTTP);
                        return;
                    }
                } catch (RuntimeException e) {
                    // An executor swallows what a task throws: say it, or the mirror would wait silently.
                    LOG.warn("Probing the display page {} failed", probe.page(), e);
                }
                if (!scheduler.isShutdown()) {
                    scheduler.schedule(this, PROBE_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        };
        scheduler.execute(attempt);
    }

    static List<String> partsOf(Object property) {
        List<String> parts = new ArrayList<>();
        if (property instanceof String single) {
            parts.add(single);
        } else if (property instanceof String[] several) {
            parts.addAll(List.of(several));
        } else if (property instanceof Collection<?> several) {
            several.forEach(part -> parts.add(String.valueOf(part)));
        }
        return parts;
    }
}
