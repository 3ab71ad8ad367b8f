package org.campusmirror.mirror.runtime.internal.widgets;

import org.campusmirror.mirror.runtime.WidgetRefreshEvents;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Refreshes the widgets of a kind when asked through Event Admin ({@link WidgetRefreshEvents}). */
@Component(service = EventHandler.class)
@EventTopics(WidgetRefreshEvents.TOPIC)
public final class WidgetRefreshEventHandler implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WidgetRefreshEventHandler.class);

    private final WidgetRegistry registry;

    @Activate
    public WidgetRefreshEventHandler(@Reference WidgetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getProperty(WidgetRefreshEvents.KIND) instanceof String kind && !kind.isBlank()) {
            registry.refreshKindNow(kind);
        } else {
            LOG.warn("Widget refresh event without a {} (a string): ignored", WidgetRefreshEvents.KIND);
        }
    }
}
