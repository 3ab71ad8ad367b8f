package org.campusmirror.itest.probe;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.campusmirror.mirror.widget.RefreshContext;
import org.campusmirror.mirror.widget.ViewModel;
import org.campusmirror.mirror.widget.Widget;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * A test bundle installed into the running mirror: it refreshes every widget service that appears, once, with a
 * pinned clock ({@code -Dprobe.now}, Europe/Berlin, de-DE), on a thread of its own, and writes what came back (the
 * view model's records as text, or the exception) to {@code <mirror.home>/probe/<service.pid>.txt}. So a test
 * outside the framework sees what the widgets computed inside it, with the libraries as bundles.
 */
public final class WidgetProbe implements BundleActivator, ServiceListener {
    private BundleContext context;
    private Path folder;
    private Clock clock;

    @Override
    public void start(BundleContext bundleContext) throws Exception {
        this.context = bundleContext;
        this.folder = Files.createDirectories(Path.of(bundleContext.getProperty("mirror.home"), "probe"));
        String now = bundleContext.getProperty("probe.now");
        this.clock = Clock.fixed(now == null ? Instant.now() : Instant.parse(now), ZoneId.of("Europe/Berlin"));
        String filter = "(objectClass=" + Widget.class.getName() + ")";
        bundleContext.addServiceListener(this, filter);
        for (ServiceReference<?> reference : bundleContext.getServiceReferences(Widget.class.getName(), null)) {
            probe(reference);
        }
    }

    @Override
    public void stop(BundleContext bundleContext) {
        bundleContext.removeServiceListener(this);
    }

    @Override
    public void serviceChanged(ServiceEvent event) {
        if (event.getType() == ServiceEvent.REGISTERED) {
            probe(event.getServiceReference());
        }
    }

    private void probe(ServiceReference<?> reference) {
        Thread thread = new Thread(() -> refresh(reference), "widget-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void refresh(ServiceReference<?> reference) {
        Object pid = reference.getProperty("service.pid");
        String name = String.valueOf(pid != null ? pid : reference.getProperty("component.name"));
        Widget widget = (Widget) context.getService(reference);
        if (widget == null) {
            return;
        }
        String result;
        try {
            ViewModel model = widget.refresh(new RefreshContext() {
                public Locale locale() { return Locale.GERMANY; }
                public ZoneId zone() { return ZoneId.of("Europe/Berlin"); }
                public Clock clock() { return clock; }
                public Optional<ViewModel> lastGood() { return Optional.empty(); }
                public boolean cancelled() { return false; }
            });
            result = "kind=" + reference.getProperty("widget.kind") + "\nasOf=" + model.asOf() + "\n" + model.data();
        } catch (Throwable e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            result = "kind=" + reference.getProperty("widget.kind") + "\nFAILED " + e + "\n" + trace;
        } finally {
            context.ungetService(reference);
        }
        try {
            Path tmp = folder.resolve(name + ".tmp");
            Files.writeString(tmp, result, StandardCharsets.UTF_8);
            Files.move(tmp, folder.resolve(name + ".txt"), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
