package org.campusmirror.ws.protocol.internal;

import java.util.ArrayList;
import java.util.List;

import org.campusmirror.ws.protocol.Extension;
import org.campusmirror.ws.protocol.ExtensionFactory;

/**
 * Collects the extensions a handshake negotiates (RFC 6455 section 9.1), checks that their RSV bits do not
 * overlap, and closes them all if the handshake fails after some were created.
 */
public final class NegotiatedExtensions {
    private final List<Extension> accepted = new ArrayList<>();
    private int rsvInUse;

    /** The factory for an extension token, ignoring case, or null. */
    public static ExtensionFactory find(List<ExtensionFactory> factories, String name) {
        for (ExtensionFactory f : factories) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    /** Keeps {@code extension} (so a later failure closes it); returns false if its RSV bits are taken. */
    public boolean add(Extension extension) {
        accepted.add(extension);
        boolean free = (extension.rsvBits() & rsvInUse) == 0;
        rsvInUse |= extension.rsvBits();
        return free;
    }

    /** Releases every extension collected so far: the handshake failed. */
    public void closeAll() {
        accepted.forEach(Extension::close);
    }

    public List<Extension> list() {
        return List.copyOf(accepted);
    }
}
