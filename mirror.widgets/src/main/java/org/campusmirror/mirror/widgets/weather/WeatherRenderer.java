package org.campusmirror.mirror.widgets.weather;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves the weather renderer ({@code /widgets/weather/renderer.js} and {@code .css}), see RENDERERS.md. */
@Component(service = WeatherRenderer.class)
@HttpWhiteboardResource(pattern = "/widgets/" + WeatherWidget.KIND + "/*", prefix = "/web/" + WeatherWidget.KIND)
public final class WeatherRenderer {
}
