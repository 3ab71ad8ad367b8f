package org.campusmirror.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 GET over a socket bound to a chosen local address, so the mirror sees a real connection from that
 * address (Java's HttpClient cannot choose its source address). The server cannot tell it from another machine's.
 */
final class RawHttp {
    private static final int TIMEOUT_MILLIS = 20_000;

    /** The status line's code and the headers (names lower-cased) of one response. */
    record Response(int status, Map<String, String> headers, String body) {
    }

    private RawHttp() {
    }

    static Response get(InetAddress from, InetAddress to, int port, String path, String authorization)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(to, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            return exchange(socket, to, port, path, authorization);
        }
    }

    /** The same over TLS, verifying the server's certificate and that it names {@code to} (its IP SAN). */
    static Response getTls(SSLContext tls, InetAddress from, InetAddress to, int port, String path,
            String authorization) throws IOException {
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(to, port, from, 0)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return exchange(socket, to, port, path, authorization);
        }
    }

    private static Response exchange(Socket socket, InetAddress to, int port, String path, String authorization)
            throws IOException {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n")
                .append("Host: ").append(to.getHostAddress()).append(':').append(port).append("\r\n")
                .append("Connection: close\r\n");
        if (authorization != null) {
            request.append("Authorization: ").append(authorization).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return parse(socket.getInputStream());
    }

    private static Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        return new Response(status, headers, end < 0 ? "" : text.substring(end + 4));
    }
}
