package org.campusmirror.ws.server.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.campusmirror.ws.protocol.HttpHead;

/**
 * Finds the client's address behind reverse proxies: {@code Forwarded} (<a
 * href="https://www.rfc-editor.org/rfc/rfc7239#section-5.2">RFC 7239 section 5.2</a>, {@code for=}) or else
 * {@code X-Forwarded-For}, honoured only when the TCP peer is a trusted proxy. The list is read from the
 * right (the hop nearest to us) and trusted proxies are skipped: the first untrusted address is the client.
 * Anything a client could forge stays at the left, beyond an untrusted hop, and is never believed.
 */
public final class TrustedProxies {
    /** Nobody is trusted: the TCP peer is always the client. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /**
     * Parses addresses and CIDR ranges, e.g. {@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code ::1}. Only IP
     * literals: a host name would need a DNS lookup.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static TrustedProxies of(List<String> specs) {
        List<Range> ranges = new ArrayList<>();
        for (String spec : specs) {
            String trimmed = spec.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int slash = trimmed.indexOf('/');
            InetAddress address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("trusted proxy is not an IP address or CIDR range: " + spec);
            }
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(trimmed.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("bad prefix length in trusted proxy range: " + spec);
                }
            }
            ranges.add(new Range(address.getAddress(), prefix));
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} is one of the trusted proxies. */
    public boolean trusts(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Range range : ranges) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** The client's address for a request that came from {@code peer}. */
    public InetSocketAddress clientOf(InetSocketAddress peer, HttpHead request) {
        if (ranges.isEmpty() || peer == null || peer.getAddress() == null || !trusts(peer.getAddress())) {
            return peer;
        }
        List<String> hops = forwardedFor(request);
        InetSocketAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(stripPort(hops.get(i)));
            if (hop == null) {
                break; // unknown or obfuscated: stop at the last hop we could read
            }
            client = new InetSocketAddress(hop, 0);
            if (!trusts(hop)) {
                break;
            }
        }
        return client;
    }

    /** The {@code for=} values of {@code Forwarded}, or else the entries of {@code X-Forwarded-For}, in order. */
    private static List<String> forwardedFor(HttpHead request) {
        List<String> hops = new ArrayList<>();
        for (String element : request.listHeader("Forwarded")) {
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
                    hops.add(unquote(pair.substring(eq + 1).strip()));
                }
            }
        }
        if (hops.isEmpty()) {
            hops.addAll(request.listHeader("X-Forwarded-For"));
        }
        return hops;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code 1.2.3.4:80} → {@code 1.2.3.4}; {@code [::1]:80} → {@code ::1}. */
    private static String stripPort(String hop) {
        String value = hop.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end > 0 ? value.substring(1, end) : value;
        }
        int colon = value.indexOf(':');
        if (colon > 0 && value.indexOf(':', colon + 1) < 0) {
            return value.substring(0, colon);
        }
        return value;
    }

    /** Parses an IPv4 or IPv6 literal without any name lookup; null for anything else. */
    static InetAddress literal(String text) {
        if (text.isEmpty()) {
            return null;
        }
        boolean ipv4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(text); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
