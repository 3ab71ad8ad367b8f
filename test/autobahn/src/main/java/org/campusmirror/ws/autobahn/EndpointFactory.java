package org.campusmirror.ws.autobahn;

/**
 * Creates one fresh {@link EndpointUnderTest} for each case the fuzzing peer runs in memory.
 * The case is passed for logging and for per-case configuration (for example enabling
 * permessage-deflate); a conforming endpoint needs no case-specific behaviour.
 */
@FunctionalInterface
public interface EndpointFactory {

    /** A new endpoint, in the role opposite to the peer's {@link FuzzerMode}. */
    EndpointUnderTest open(AutobahnCase testCase);
}
