package org.campusmirror.mirror.runtime.internal.input;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The motion sensor, while configuration {@value MotionConfig#PID} exists. A wrong one is refused with one log line
 * naming every problem (and no stack trace), and then there is no motion sensing until it is fixed.
 */
@Component(service = {}, configurationPid = MotionConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MotionConfig.class)
public final class MotionComponent {
    private static final Logger LOG = LoggerFactory.getLogger(MotionComponent.class);

    private MotionSensor sensor;

    @Activate
    public MotionComponent(MotionConfig config, @Reference GpioInputs gpio, @Reference PresenceComponent presence) {
        try {
            MotionSensor.Settings settings = MotionSensor.Settings.from(config);
            sensor = new MotionSensor(settings, gpio, presence.clock(), presence.presence());
            LOG.info("Motion sensor on BCM {}: the display sleeps after {} min without activity",
                    settings.pin().bcm(), settings.inactivity().toMinutes());
        } catch (IllegalArgumentException | PinUnavailableException e) {
            LOG.error("Configuration {} refused, no motion sensing until it is fixed: {}", MotionConfig.PID,
                    e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        if (sensor != null) {
            sensor.close();
        }
    }
}
