package org.campusmirror.mirror.runtime.internal.input;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** The off-times configuration ({@value ScheduleConfig#PID}), handed to the {@link PresenceComponent}. */
@Component(service = {}, immediate = true, configurationPid = ScheduleConfig.PID)
@Designate(ocd = ScheduleConfig.class)
public final class ScheduleComponent {
    private final PresenceComponent presence;

    @Activate
    public ScheduleComponent(@Reference PresenceComponent presence, ScheduleConfig config) {
        this.presence = presence;
        presence.schedule(config);
    }

    @Modified
    void modified(ScheduleConfig config) {
        presence.schedule(config);
    }

    @Deactivate
    void deactivate() {
        presence.schedule(null);
    }
}
