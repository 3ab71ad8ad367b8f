package org.campusmirror.mirror.widgets.announcements.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves the announcements renderer ({@code /widgets/announcements/renderer.js} and {@code .css}). */
@Component(service = AnnouncementsRenderer.class)
@HttpWhiteboardResource(pattern = "/widgets/" + AnnouncementsWidget.KIND + "/*",
        prefix = "/web/" + AnnouncementsWidget.KIND)
public final class AnnouncementsRenderer {
}
