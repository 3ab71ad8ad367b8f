package org.campusmirror.mirror.widgets.clock;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves the clock renderer ({@code /widgets/clock/renderer.js} and {@code .css}), see RENDERERS.md. */
@Component(service = ClockRenderer.class)
@HttpWhiteboardResource(pattern = "/widgets/" + ClockWidget.KIND + "/*", prefix = "/web/" + ClockWidget.KIND)
public final class ClockRenderer {
}
