package org.campusmirror.mirror.runtime.internal.input;

import java.nio.file.Path;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the mirror's GPIO, Pi4J with the gpiod provider on a Raspberry Pi or the mock provider elsewhere (see
 * {@link Pi4jInputs#start}), on a thread of its own, so Pi4J's board detection and native library loading stay off
 * the framework's start; then registers it as the {@link GpioInputs} service that buttons and the motion sensor
 * wait for. Immediate, so the log line that says which provider comes at every start. If even the mock fails, the
 * mirror runs without buttons and says so.
 */
@Component(immediate = true, service = {})
// The service is registered by hand, so DS metadata does not announce it; the resolver needs to know it comes.
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=org.campusmirror.mirror.runtime.internal.input.GpioInputs")
public final class GpioComponent {
    private static final Logger LOG = LoggerFactory.getLogger(GpioComponent.class);

    private Pi4jInputs inputs;
    private ServiceRegistration<GpioInputs> registration;
    private boolean closed;

    @Activate
    public GpioComponent(BundleContext context) {
        Thread starter = new Thread(() -> start(context), "mirror-gpio-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void start(BundleContext context) {
        Pi4jInputs started;
        try {
            started = Pi4jInputs.start(System.getProperty("os.arch"), Path.of("/dev"));
        } catch (RuntimeException | LinkageError e) {
            LOG.error("GPIO is unavailable, buttons and the motion sensor stay idle: Pi4J failed to start", e);
            return;
        }
        synchronized (this) {
            if (closed) {
                started.close();
                return;
            }
            inputs = started;
            try {
                registration = context.registerService(GpioInputs.class, started, null);
            } catch (IllegalStateException stopping) {
                // The bundle stops while GPIO started: deactivate closes it.
            }
        }
    }

    @Deactivate
    synchronized void deactivate() {
        closed = true;
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // Unregistered with the bundle.
            }
        }
        if (inputs != null) {
            inputs.close();
        }
    }
}
