package org.campusmirror.sample.widget;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Serves this kind's renderer from the bundle's {@code web/} folder at {@code /widgets/exam-countdown/}, where the
 * display page looks for {@code renderer.js} and {@code renderer.css} (mirror.runtime's RENDERERS.md).
 */
@Component(service = ExamRenderer.class)
@HttpWhiteboardResource(pattern = "/widgets/" + ExamCountdownWidget.KIND + "/*", prefix = "/web")
public final class ExamRenderer {
}
