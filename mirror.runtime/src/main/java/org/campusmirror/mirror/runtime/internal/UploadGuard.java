package org.campusmirror.mirror.runtime.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Stands in front of the Web Console's bundle install action. The console answers a corrupt upload with a bare
 * "500 Server Error" and a stack trace in the log; this filter refuses it first with 400 and a message saying
 * what is wrong with the file, and refuses an upload over the size limit with 413. Good uploads pass on
 * unchanged (the body is buffered, so the console reads it as sent). It runs after the console's authentication.
 */
@Component(service = Filter.class, configurationPid = UploadGuard.PID)
@Designate(ocd = UploadGuard.Config.class)
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=org.apache.felix.webconsole)")
@HttpWhiteboardFilterPattern({"/bundles", "/bundles/*", "/install", "/install/*"})
public final class UploadGuard implements Filter {
    static final String PID = "org.campusmirror.mirror.runtime.UploadGuard";
    static final String FILE_FIELD = "bundlefile";
    private static final Logger LOG = LoggerFactory.getLogger(UploadGuard.class);

    @ObjectClassDefinition(name = "Campus Mirror bundle upload guard",
            description = "Checks bundles uploaded through the Web Console before the console installs them")
    public @interface Config {
        @AttributeDefinition(name = "Largest upload (MB)",
                description = "Uploads above this size are refused with 413; they are held in memory to be checked")
        int maxUploadMegabytes() default 32;
    }

    private final long maxUploadBytes;

    @Activate
    public UploadGuard(Config config) {
        this(config.maxUploadMegabytes() * 1024L * 1024L);
    }

    UploadGuard(long maxUploadBytes) {
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException("maxUploadMegabytes must be positive");
        }
        this.maxUploadBytes = maxUploadBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        Optional<String> boundary = MultipartBody.boundary(http.getContentType());
        if (!"POST".equals(http.getMethod()) || boundary.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse httpResponse = (HttpServletResponse) response;
        if (http.getContentLengthLong() > maxUploadBytes) {
            refuse(httpResponse, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        Optional<byte[]> body = readAtMost(http.getInputStream(), maxUploadBytes);
        if (body.isEmpty()) {
            refuse(httpResponse, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        Optional<String> problem = problemWith(body.get(), boundary.get());
        if (problem.isPresent()) {
            refuse(httpResponse, HttpServletResponse.SC_BAD_REQUEST, problem.get());
            return;
        }
        chain.doFilter(new BufferedRequest(http, body.get()), response);
    }

    /** The reason to refuse this multipart body, or empty when every uploaded bundle file looks sound. */
    static Optional<String> problemWith(byte[] body, String boundary) {
        List<MultipartBody.Part> parts;
        try {
            parts = MultipartBody.parse(body, boundary);
        } catch (IllegalArgumentException e) {
            return Optional.of("Bundle upload refused: malformed multipart body (" + e.getMessage() + ")");
        }
        for (MultipartBody.Part part : parts) {
            if (FILE_FIELD.equals(part.name()) && part.fileName() != null && !part.fileName().isEmpty()) {
                Optional<String> problem = BundleFileCheck.problem(part.content());
                if (problem.isPresent()) {
                    return Optional.of("Bundle upload refused: '" + part.fileName() + "' is not an installable bundle: "
                            + problem.get());
                }
            }
        }
        return Optional.empty();
    }

    private String tooLarge() {
        return "Bundle upload refused: larger than " + (maxUploadBytes / (1024 * 1024))
                + " MB (maxUploadMegabytes of " + PID + ")";
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        LOG.warn(message);
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The whole stream, or empty when it holds more than {@code limit} bytes. */
    static Optional<byte[]> readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            total += read;
            if (total > limit) {
                return Optional.empty();
            }
            out.write(buffer, 0, read);
        }
        return Optional.of(out.toByteArray());
    }

    /** The request with its body replayed from memory. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the buffered upload is read synchronously");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
