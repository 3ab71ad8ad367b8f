package org.campusmirror.mirror.widgets.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paging links from {@code Link} headers (RFC 8288), e.g. {@code <...?page=2>; rel="next"}. */
public final class LinkHeader {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
    private static final Pattern REL = Pattern.compile("(?i)\\brel\\s*=\\s*\"?([^\";,]+)\"?");

    private LinkHeader() {
    }

    /** The target of the first link with relation {@code rel} in any {@code Link} header, resolved against the response URL. */
    public static Optional<URI> find(FetchResponse response, String rel) {
        return find(response.headers().allValues("Link"), response.uri(), rel);
    }

    static Optional<URI> find(List<String> headers, URI base, String rel) {
        for (String header : headers) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher relation = REL.matcher(link.group(2));
                if (relation.find() && List.of(relation.group(1).toLowerCase(Locale.ROOT).split("\\s+"))
                        .contains(rel.toLowerCase(Locale.ROOT))) {
                    try {
                        return Optional.of(base.resolve(link.group(1).strip()));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }
}
