package org.campusmirror.ws.server.osgi;

import java.io.IOException;
import java.net.BindException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.campusmirror.ws.server.ServerMonitor;
import org.campusmirror.ws.server.WebSocketEndpoint;
import org.campusmirror.ws.server.WebSocketServer;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The framework's WebSocket server: configured from Config Admin ({@link ServerConfiguration}, read typed, with
 * the contract's {@code mirror.ws.*} properties for the keys left empty), serving every
 * {@link WebSocketEndpoint} service at its path (the whiteboard). Once listening it registers the
 * {@link WebSocketServer} as a service carrying {@value WebSocketServer#READY_PART_PROPERTY}={@value
 * WebSocketServer#READY_PART}, which the runtime's readiness tracker waits for. A new configuration restarts the
 * server.
 *
 * <p>Nothing here ends start-up with a stack trace: a port in use or a bad configuration value is one log line
 * naming the setting that fixes it, and the server stays down (readiness reports {@code websocket} missing)
 * until the configuration changes. When an I/O thread fails, the readiness property is taken off the service
 * until the server has replaced the thread; the service itself stays, so endpoints bound to it stay too.
 */
// The server is registered by hand once it listens (not by DS), so declare the service capability for the resolver.
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=org.campusmirror.ws.server.WebSocketServer", uses = WebSocketServer.class)
@Component(name = WebSocketServerComponent.PID, configurationPid = WebSocketServerComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true, service = {})
@Designate(ocd = ServerConfiguration.class)
public final class WebSocketServerComponent {
    static final String PID = "org.campusmirror.ws.server";
    /** The start of the line that says the server could not start (as the launcher's for a -D port). */
    static final String CANNOT_START = "Campus Mirror cannot start the WebSocket server: ";
    private static final Logger LOG = LoggerFactory.getLogger("org.campusmirror.ws.server");

    private final EndpointWhiteboard whiteboard = new EndpointWhiteboard();
    private final ServerMonitor readinessKeeper = new ServerMonitor() {
        @Override
        public void ioThreadFailed(String thread, Throwable cause, boolean restarting) {
            announceReady(false);
            if (!restarting) {
                LOG.error("WebSocket server is down: it no longer listens; save its configuration ({}) to start it "
                        + "again", PID);
            }
        }

        @Override
        public void ioThreadRestarted(String thread) {
            announceReady(true);
        }
    };
    private WebSocketServer server;
    private ServiceRegistration<WebSocketServer> registration;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            service = WebSocketEndpoint.class)
    void addEndpoint(WebSocketEndpoint endpoint, Map<String, Object> properties) {
        whiteboard.add(properties.get(Constants.SERVICE_ID), endpoint, properties);
    }

    void removeEndpoint(WebSocketEndpoint endpoint, Map<String, Object> properties) {
        whiteboard.remove(properties.get(Constants.SERVICE_ID));
    }

    @Activate
    void activate(BundleContext context, ComponentContext component, ServerConfiguration configuration) {
        ServerSettings settings;
        try {
            settings = ServerSettings.from(configuration, context::getProperty);
        } catch (IllegalArgumentException e) {
            LOG.error("{}the configuration {} is not valid: {}", CANNOT_START, PID, e.getMessage());
            enableTestEndpoints(component, false);
            return;
        }
        WebSocketServer started = start(settings);
        enableTestEndpoints(component, started != null && settings.echo());
        if (started == null) {
            return;
        }
        synchronized (this) {
            server = started;
            whiteboard.start(server, settings.deflate());
            registration = context.registerService(WebSocketServer.class, server, properties(true));
        }
        LOG.info("WebSocket server listening on port {} ({} I/O thread(s), permessage-deflate {}{}, memory budget "
                + "{} KiB)", server.port(), settings.ioThreads(), settings.deflate() ? "on" : "off",
                settings.tls() != null ? ", TLS" : "", server.stats().memoryBudget() >> 10);
    }

    /** The started server, or null after one line that says why not. */
    private WebSocketServer start(ServerSettings settings) {
        try {
            return settings.builder().monitor(readinessKeeper).build().start();
        } catch (BindException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("in use") ? "is in use"
                    : "cannot be opened (" + e.getMessage() + ")";
            LOG.error("{}port {} {}; set {}", CANNOT_START, settings.port(), reason, settings.portSource());
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("{}port {}: {}; set {}", CANNOT_START, settings.port(), e.getMessage(), settings.portSource());
        }
        return null;
    }

    private static void enableTestEndpoints(ComponentContext component, boolean enabled) {
        for (String name : new String[] {EchoEndpointComponent.NAME, BroadcastEndpointComponent.NAME}) {
            if (enabled) {
                component.enableComponent(name);
            } else {
                component.disableComponent(name);
            }
        }
    }

    /** Puts the readiness property on the server's service, or takes it off. Any thread. */
    private synchronized void announceReady(boolean ready) {
        if (registration == null) {
            return;
        }
        registration.setProperties(properties(ready));
        if (ready) {
            LOG.info("WebSocket server is whole again: readiness part {} is up", WebSocketServer.READY_PART);
        } else {
            LOG.warn("WebSocket server lost an I/O thread: readiness part {} is down", WebSocketServer.READY_PART);
        }
    }

    private Dictionary<String, Object> properties(boolean ready) {
        Dictionary<String, Object> properties = new Hashtable<>();
        if (ready) {
            properties.put(WebSocketServer.READY_PART_PROPERTY, WebSocketServer.READY_PART);
        }
        properties.put("websocket.port", server.port());
        return properties;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        WebSocketServer stopping;
        synchronized (this) {
            if (registration != null) {
                registration.unregister();
                registration = null;
            }
            whiteboard.stop();
            stopping = server;
            server = null;
        }
        if (stopping != null && !stopping.close(stopping.limits().shutdownGrace())) {
            LOG.warn("WebSocket server: an I/O thread did not end in time");
        }
    }
}
