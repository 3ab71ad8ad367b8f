package org.campusmirror.ws.server.osgi;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.campusmirror.ws.server.WebSocketEndpoint;
import org.osgi.annotation.bundle.Capability;
import org.campusmirror.ws.server.WebSocketServer;
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
 * The framework's WebSocket server: configured from Config Admin ({@link ServerConfiguration}, falling back
 * to {@code mirror.ws.port}, {@code mirror.ws.deflate}, {@code mirror.ws.echo}), serving every
 * {@link WebSocketEndpoint} service at its path (the whiteboard). Once listening it registers the
 * {@link WebSocketServer} as a service with {@code mirror.ready.part=websocket}, which the runtime's
 * readiness tracker waits for. A new configuration restarts the server.
 */
// The server is registered by hand once it listens (not by DS), so declare the service capability for the resolver.
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=org.campusmirror.ws.server.WebSocketServer", uses = WebSocketServer.class)
@Component(name = WebSocketServerComponent.PID, configurationPid = WebSocketServerComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true, service = {})
@Designate(ocd = ServerConfiguration.class)
public final class WebSocketServerComponent {
    static final String PID = "org.campusmirror.ws.server";
    /** Service property the readiness tracker of mirror.runtime looks for (no dependency on that bundle). */
    static final String READY_PART_PROPERTY = "mirror.ready.part";
    static final String READY_PART = "websocket";
    private static final Logger LOG = LoggerFactory.getLogger("org.campusmirror.ws.server");

    private final EndpointWhiteboard whiteboard = new EndpointWhiteboard();
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
    void activate(BundleContext context, ComponentContext component, Map<String, Object> configuration)
            throws IOException {
        ServerSettings settings = ServerSettings.from(configuration, context::getProperty);
        server = settings.builder().build().start();
        whiteboard.start(server, settings.deflate());
        LOG.info("WebSocket server listening on port {} ({} I/O thread(s), permessage-deflate {}{})", server.port(),
                settings.ioThreads(), settings.deflate() ? "on" : "off", settings.tls() != null ? ", TLS" : "");
        for (String name : new String[] {EchoEndpointComponent.NAME, BroadcastEndpointComponent.NAME}) {
            if (settings.echo()) {
                component.enableComponent(name);
            } else {
                component.disableComponent(name);
            }
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(READY_PART_PROPERTY, READY_PART);
        properties.put("websocket.port", server.port());
        registration = context.registerService(WebSocketServer.class, server, properties);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (registration != null) {
            registration.unregister();
        }
        whiteboard.stop();
        if (server != null && !server.close(server.limits().shutdownGrace())) {
            LOG.warn("WebSocket server: an I/O thread did not end in time");
        }
    }
}
