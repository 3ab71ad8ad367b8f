package org.campusmirror.mirror.runtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A small reader of {@code multipart/form-data} bodies (RFC 7578) held in memory: enough to find the file parts
 * of a console upload and look at their bytes, without consuming the stream the console reads afterwards.
 */
final class MultipartBody {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

    /**
     * One part of the body.
     *
     * @param name     the form field name
     * @param fileName the file name, or null when the part is not a file
     * @param content  the part's bytes
     */
    record Part(String name, String fileName, byte[] content) {
    }

    private MultipartBody() {
    }

    /** The boundary parameter of a {@code multipart/form-data} content type, if it is one. */
    static Optional<String> boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("boundary")) {
                return Optional.of(unquote(pair[1].strip())).filter(value -> !value.isEmpty());
            }
        }
        return Optional.empty();
    }

    /** Splits {@code body} into its parts; malformed input gives an IllegalArgumentException saying where. */
    static List<Part> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw new IllegalArgumentException("multipart body has no boundary line");
        }
        List<Part> parts = new ArrayList<>();
        byte[] nextDelimiter = concat(CRLF, delimiter);
        while (true) {
            position += delimiter.length;
            if (startsWith(body, position, new byte[] {'-', '-'})) {
                return parts; // closing delimiter
            }
            if (!startsWith(body, position, CRLF)) {
                throw new IllegalArgumentException("multipart boundary line not followed by CRLF");
            }
            int headersStart = position + CRLF.length;
            int headersEnd = indexOf(body, HEADER_END, headersStart);
            if (headersEnd < 0) {
                throw new IllegalArgumentException("multipart part headers do not end");
            }
            int contentStart = headersEnd + HEADER_END.length;
            int contentEnd = indexOf(body, nextDelimiter, contentStart);
            if (contentEnd < 0) {
                throw new IllegalArgumentException("multipart part is not closed by a boundary");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            parts.add(part(headers, Arrays.copyOfRange(body, contentStart, contentEnd)));
            position = contentEnd + CRLF.length;
        }
    }

    private static Part part(String headers, byte[] content) {
        String name = null;
        String fileName = null;
        for (String header : headers.split("\r\n")) {
            int colon = header.indexOf(':');
            if (colon < 0 || !header.substring(0, colon).strip().equalsIgnoreCase("content-disposition")) {
                continue;
            }
            for (String parameter : header.substring(colon + 1).split(";")) {
                String[] pair = parameter.strip().split("=", 2);
                if (pair.length != 2) {
                    continue;
                }
                String key = pair[0].strip().toLowerCase(Locale.ROOT);
                if (key.equals("name")) {
                    name = unquote(pair[1].strip());
                } else if (key.equals("filename")) {
                    fileName = unquote(pair[1].strip());
                }
            }
        }
        return new Part(name, fileName, content);
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = from; i <= data.length - pattern.length; i++) {
            if (startsWith(data, i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
