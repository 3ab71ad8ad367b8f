package org.campusmirror.mirror.widgets.departures;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves the departures renderer ({@code /widgets/departures/renderer.js} and {@code .css}), see RENDERERS.md. */
@Component(service = DeparturesRenderer.class)
@HttpWhiteboardResource(pattern = "/widgets/" + DeparturesWidget.KIND + "/*", prefix = "/web/"
        + DeparturesWidget.KIND)
public final class DeparturesRenderer {
}
