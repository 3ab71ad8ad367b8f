package org.campusmirror.ws.protocol;

import org.campusmirror.ws.protocol.internal.SecureMaskKeys;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Supplies the 32-bit masking keys a client puts on every frame. RFC 6455
 * <a href="https://www.rfc-editor.org/rfc/rfc6455#section-10.3">section 10.3</a> requires keys an attacker
 * cannot predict: use {@link #secure()} outside tests. One generator per connection; not thread-safe.
 */
@ConsumerType
@FunctionalInterface
public interface MaskKeyGenerator {

    /** The next masking key; its most significant byte goes on the wire first. */
    int nextMaskKey();

    /** Keys drawn from {@link java.security.SecureRandom}, fetched in batches so a frame costs no system call. */
    static MaskKeyGenerator secure() {
        return new SecureMaskKeys();
    }
}
