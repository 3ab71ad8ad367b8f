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
 * One GPIO button per configuration of factory PID {@value ButtonConfig#PID}. A configuration that is wrong, or a
 * pin another input holds, is refused with one log line naming every problem (and no stack trace): that button does
 * nothing until its configuration is fixed, the other buttons go on.
 */
@Component(service = {}, configurationPid = ButtonConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ButtonConfig.class, factory = true)
public final class ButtonComponent {
    private static final Logger LOG = LoggerFactory.getLogger(ButtonComponent.class);

    private Button button;

    @Activate
    public ButtonComponent(ButtonConfig config, @Reference GpioInputs gpio, @Reference PresenceComponent presence) {
        try {
            ButtonSettings settings = ButtonSettings.from(config);
            button = new Button(settings, gpio, presence.clock(), presence.presence());
            LOG.info("Button '{}' on BCM {}: {}, long press {}", settings.name(), settings.pin().bcm(),
                    settings.shortPress(), settings.longPress());
        } catch (IllegalArgumentException | PinUnavailableException e) {
            LOG.error("Configuration {} refused: {}", ButtonConfig.PID, e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        if (button != null) {
            button.close();
        }
    }
}
