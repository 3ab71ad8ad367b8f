package org.campusmirror.mirror.widgets.canteen;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** Serves the canteen renderer ({@code /widgets/canteen/renderer.js} and {@code .css}), see RENDERERS.md. */
@Component(service = CanteenRenderer.class)
@HttpWhiteboardResource(pattern = "/widgets/" + CanteenWidget.KIND + "/*", prefix = "/web/" + CanteenWidget.KIND)
public final class CanteenRenderer {
}
