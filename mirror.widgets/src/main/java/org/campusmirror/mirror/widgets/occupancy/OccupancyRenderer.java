package org.campusmirror.mirror.widgets.occupancy;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves the occupancy renderer ({@code /widgets/occupancy/renderer.js} and {@code .css}), see RENDERERS.md. */
@Component(service = OccupancyRenderer.class)
@HttpWhiteboardResource(pattern = "/widgets/" + OccupancyWidget.KIND + "/*", prefix = "/web/"
        + OccupancyWidget.KIND)
public final class OccupancyRenderer {
}
