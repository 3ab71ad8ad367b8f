package org.campusmirror.mirror.widgets.timetable;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves the timetable's renderer ({@code /widgets/timetable/renderer.js} and {@code .css}), see RENDERERS.md. */
@Component(service = TimetableRenderer.class)
@HttpWhiteboardResource(pattern = "/widgets/" + TimetableWidget.KIND + "/*", prefix = "/web/" + TimetableWidget.KIND)
public final class TimetableRenderer {
}
