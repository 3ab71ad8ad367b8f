package org.campusmirror.sample.widget;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A widget-style DS component with a metatype configuration: it answers {@code GET /sample/greeting} with its
 * configured greeting, so a test can see from outside which configuration the active component holds. Saving
 * the configuration in the Web Console re-activates it (there is no modified method).
 */
@Component(service = Servlet.class, configurationPid = GreetingServlet.PID)
@Designate(ocd = GreetingServlet.Config.class)
@HttpWhiteboardServletPattern(GreetingServlet.PATH)
public final class GreetingServlet extends HttpServlet {
    static final String PID = "org.campusmirror.sample.widget.Greeting";
    static final String PATH = "/sample/greeting";
    private static final long serialVersionUID = 1L;

    @ObjectClassDefinition(name = "Sample greeting widget",
            description = "The greeting the sample widget shows")
    public @interface Config {
        @AttributeDefinition(name = "Greeting", description = "Text shown by the widget")
        String text() default Greeting.DEFAULT_TEXT;
    }

    private final transient Greeting greeting;

    @Activate
    public GreetingServlet(Config config) {
        this.greeting = Greeting.of(config.text());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write(greeting.text().getBytes(StandardCharsets.UTF_8));
    }
}
