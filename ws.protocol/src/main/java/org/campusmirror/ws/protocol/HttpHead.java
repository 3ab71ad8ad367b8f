package org.campusmirror.ws.protocol;

import java.util.ArrayList;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The head of an HTTP/1.1 message of the opening handshake
 * (<a href="https://www.rfc-editor.org/rfc/rfc9112#section-2.1">RFC 9112 section 2.1</a>,
 * <a href="https://www.rfc-editor.org/rfc/rfc6455#section-4">RFC 6455 section 4</a>): its header fields
 * in order, with case-insensitive lookup and comma-separated list parsing.
 */
@ProviderType
public interface HttpHead {

    /** All header fields, in the order received. */
    List<HttpHeader> headers();

    /** The HTTP version of the start line, e.g. {@code HTTP/1.1}. */
    String version();

    /** The value of the only field named {@code name}, null when absent; a repeated field gives null too. */
    default String singleHeader(String name) {
        String found = null;
        for (HttpHeader h : headers()) {
            if (h.is(name)) {
                if (found != null) {
                    return null;
                }
                found = h.value();
            }
        }
        return found;
    }

    /** How many fields are named {@code name}. */
    default int headerCount(String name) {
        int count = 0;
        for (HttpHeader h : headers()) {
            if (h.is(name)) {
                count++;
            }
        }
        return count;
    }

    /** The values of all fields named {@code name}, joined with ", " as RFC 9110 section 5.3 allows; null if none. */
    default String joinedHeader(String name) {
        StringBuilder joined = null;
        for (HttpHeader h : headers()) {
            if (h.is(name)) {
                joined = joined == null ? new StringBuilder(h.value()) : joined.append(", ").append(h.value());
            }
        }
        return joined == null ? null : joined.toString();
    }

    /**
     * The comma-separated elements of all fields named {@code name} (RFC 9110 section 5.6.1), trimmed, empty
     * elements skipped.
     */
    default List<String> listHeader(String name) {
        List<String> elements = new ArrayList<>();
        for (HttpHeader h : headers()) {
            if (h.is(name)) {
                for (String part : h.value().split(",")) {
                    String element = part.strip();
                    if (!element.isEmpty()) {
                        elements.add(element);
                    }
                }
            }
        }
        return elements;
    }

    /** Whether a list header holds {@code token}, ignoring case (e.g. {@code Connection: keep-alive, Upgrade}). */
    default boolean listHeaderContains(String name, String token) {
        for (String element : listHeader(name)) {
            if (element.equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }
}
