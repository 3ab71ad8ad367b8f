package org.campusmirror.mirror.fleet;

import java.util.Dictionary;
import java.util.Hashtable;

import org.campusmirror.mirror.runtime.MirrorHealth;
import org.campusmirror.mirror.widgets.announcements.AnnouncementBoard;
import org.campusmirror.mirror.widgets.http.HttpFetcher;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ManagedService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet side of this mirror: a {@link FleetMember} for each saved configuration of PID
 * {@value FleetConfiguration#PID}, none without one.
 *
 * <p>The configuration reaches this class as a {@link ManagedService}, not as the component's configuration: SCR
 * shows a component's properties, private ones included, in the console's status page of the components, and the
 * broker password must be on no console page. The metatype still describes the PID, so the console's form edits it
 * and shows the password only as "unmodified".
 */
@Component(configurationPid = FleetConfiguration.PID, configurationPolicy = ConfigurationPolicy.IGNORE,
        immediate = true, service = {})
@Designate(ocd = FleetConfiguration.class)
public final class FleetConnector implements ManagedService {
    private static final Logger LOG = LoggerFactory.getLogger(FleetConnector.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MirrorHealth health;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AnnouncementBoard board;

    private final BundleContext context;
    private final ConfigurationAdmin configurationAdmin;
    private final HttpFetcher fetcher;
    private final ServiceRegistration<ManagedService> registration;
    private FleetMember member;
    private boolean closed;

    @Activate
    public FleetConnector(BundleContext context, @Reference ConfigurationAdmin configurationAdmin,
            @Reference HttpFetcher fetcher) {
        this.context = context;
        this.configurationAdmin = configurationAdmin;
        this.fetcher = fetcher;
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_PID, FleetConfiguration.PID);
        registration = context.registerService(ManagedService.class, this, properties);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        synchronized (this) {
            closed = true;
            replace(null);
        }
    }

    @Override
    public synchronized void updated(Dictionary<String, ?> properties) {
        if (closed) {
            return;
        }
        if (properties == null) {
            replace(null);
            LOG.info("Fleet: not configured; this mirror runs on its own");
            return;
        }
        replace(new FleetMember(context, ConfigurationValues.of(FleetConfiguration.class, properties),
                configurationAdmin, fetcher, () -> health, () -> board));
    }

    private void replace(FleetMember next) {
        if (member != null) {
            member.close();
        }
        member = next;
    }
}
