package org.campusmirror.mirror.runtime.internal.display;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers for everything in the default HTTP context (the display page, its assets, every widget's renderer):
 * browsers take scripts and styles only with their declared type, nothing is framed by another origin, and no
 * referrer leaves the mirror. The page adds its own Content-Security-Policy ({@link DisplayPage}).
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
public final class SecurityHeaders implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("X-Frame-Options", "SAMEORIGIN");
            http.setHeader("Referrer-Policy", "no-referrer");
        }
        chain.doFilter(request, response);
    }
}
