package org.campusmirror.mirror.runtime.internal.console;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One request to the console and what the provider answered, with only the servlet methods the provider uses
 * (a call to any other fails the test): the socket's addresses, the Authorization header, the answer's status,
 * headers and body.
 */
final class FakeExchange {
    final Map<String, Object> attributes = new HashMap<>();
    final Map<String, String> responseHeaders = new HashMap<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    int status = 200;
    String redirect;

    private final boolean secure;
    private final String remoteAddress;
    private final String authorization;

    private FakeExchange(boolean secure, String remoteAddress, String authorization) {
        this.secure = secure;
        this.remoteAddress = remoteAddress;
        this.authorization = authorization;
    }

    static FakeExchange plain(String remoteAddress, String user, String password) {
        return new FakeExchange(false, remoteAddress, basic(user, password));
    }

    static FakeExchange secure(String remoteAddress, String user, String password) {
        return new FakeExchange(true, remoteAddress, basic(user, password));
    }

    private static String basic(String user, String password) {
        return user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isSecure" -> secure;
                    case "getRemoteAddr" -> remoteAddress;
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                    case "getServerName" -> "mirror.local";
                    case "getLocalAddr" -> "192.0.2.2";
                    case "getRequestURI" -> "/system/console/bundles";
                    case "getQueryString" -> null;
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> throw new AssertionError("the provider called " + method.getName());
                });
    }

    HttpServletResponse response() {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void write(int b) {
                body.write(b);
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "setHeader" -> responseHeaders.put((String) args[0], (String) args[1]);
                        case "setContentType", "setContentLength", "flushBuffer" -> {
                            // nothing to keep
                        }
                        case "getOutputStream" -> {
                            return out;
                        }
                        case "sendRedirect" -> {
                            status = 302;
                            redirect = (String) args[0];
                        }
                        default -> throw new AssertionError("the provider called " + method.getName());
                    }
                    return null;
                });
    }

    String body() {
        return body.toString(StandardCharsets.UTF_8);
    }
}
