package org.campusmirror.mirror.runtime.internal.alerts;

import org.campusmirror.mirror.runtime.AlertEvents;
import org.campusmirror.mirror.runtime.internal.display.MirrorDisplay;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;

/**
 * Alerts from any bundle through Event Admin ({@link AlertEvents#TOPIC}). The source shown in the console is the
 * sending bundle when Event Admin names it ({@code bundle.symbolicName}), else {@code event}.
 */
@Component(service = EventHandler.class)
@EventTopics(AlertEvents.TOPIC)
public final class AlertEventHandler implements EventHandler {
    private final MirrorDisplay display;

    @Activate
    public AlertEventHandler(@Reference MirrorDisplay display) {
        this.display = display;
    }

    @Override
    public void handleEvent(Event event) {
        display.alerts().apply(AlertRequest.read(event::getProperty, source(event)));
    }

    private static String source(Event event) {
        Object name = event.getProperty(EventConstants.BUNDLE_SYMBOLICNAME);
        if (name instanceof String text) {
            return text;
        }
        Object bundle = event.getProperty(EventConstants.BUNDLE);
        return bundle instanceof Bundle sender ? sender.getSymbolicName() : "event";
    }
}
