package org.campusmirror.mirror.widgets.news;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves the news renderer ({@code /widgets/news/renderer.js} and {@code .css}), see RENDERERS.md. */
@Component(service = NewsRenderer.class)
@HttpWhiteboardResource(pattern = "/widgets/" + NewsWidget.KIND + "/*", prefix = "/web/" + NewsWidget.KIND)
public final class NewsRenderer {
}
