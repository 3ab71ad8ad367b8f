package org.campusmirror.mirror.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.jar.Attributes;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

/**
 * Stands in front of the Web Console's bundle install action. The console answers a corrupt upload with a bare
 * "500 Server Error" and a stack trace in the log; this filter refuses it first with 400 and a message saying
 * what is wrong with the file. It reads the uploaded parts through the container's multipart support (the
 * console's servlet enables it, with its own size limits), which keeps them for the console to read again, so
 * a good upload passes on untouched. It runs after the console's authentication. The manifest's headers are
 * checked with the framework's own parser ({@link FrameworkManifestCheck}), so a bundle the install would refuse
 * (a malformed version range, say) is refused here with the reason, not accepted and then failing in the background.
 */
@Component(service = Filter.class)
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=org.apache.felix.webconsole)")
@HttpWhiteboardFilterPattern({"/bundles", "/bundles/*", "/install", "/install/*"})
public final class UploadGuard implements Filter {
    static final String FILE_FIELD = "bundlefile";
    private static final Logger LOG = LoggerFactory.getLogger(UploadGuard.class);

    private final BundleFileCheck check;

    @Activate
    public UploadGuard(BundleContext context) {
        this(headerCheck(context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)));
    }

    UploadGuard(Function<Attributes, Optional<String>> headers) {
        this.check = new BundleFileCheck(headers);
    }

    private static Function<Attributes, Optional<String>> headerCheck(Bundle framework) {
        try {
            return FrameworkManifestCheck.of(framework::loadClass)::problem;
        } catch (ReflectiveOperationException | RuntimeException notFelix) {
            LOG.warn("Uploaded bundles' manifest headers are not checked before install: the framework's parser"
                    + " is not reachable ({})", notFelix.toString());
            return main -> Optional.empty();
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (!"POST".equals(http.getMethod()) || !isMultipart(http.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> problem;
        try {
            problem = problemWithUploads(http);
        } catch (IllegalStateException | IOException | ServletException unreadable) {
            problem = Optional.of("Bundle upload refused: the multipart body cannot be read ("
                    + unreadable.getMessage() + ")");
        }
        if (problem.isPresent()) {
            refuse((HttpServletResponse) response, problem.get());
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private Optional<String> problemWithUploads(HttpServletRequest request)
            throws IOException, ServletException {
        for (Part part : request.getParts()) {
            String fileName = part.getSubmittedFileName();
            if (FILE_FIELD.equals(part.getName()) && fileName != null && !fileName.isEmpty()) {
                try (InputStream file = part.getInputStream()) {
                    Optional<String> problem = problemWithFile(fileName, file);
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The message for an uploaded file that is no installable bundle, or empty when it looks sound. */
    Optional<String> problemWithFile(String fileName, InputStream file) {
        return check.problem(file).map(reason ->
                "Bundle upload refused: '" + fileName + "' is not an installable bundle: " + reason);
    }

    private static void refuse(HttpServletResponse response, String message) throws IOException {
        LOG.warn(message);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
