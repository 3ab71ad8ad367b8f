package org.campusmirror.ws.autobahn;

/**
 * The grade of one case, as the Autobahn|Testsuite report shows it, folded with the close
 * behaviour: see the README section "How verdicts are decided".
 */
public enum Verdict {
    /** Behaviour and close behaviour as the specification requires. */
    OK,
    /** Conforming but not the preferred behaviour (a SHOULD not met, a wrong but allowed close). */
    NON_STRICT,
    /** The case only records behaviour the specification leaves open (7.1.6, 7.13.1, 7.13.2). */
    INFORMATIONAL,
    /** The endpoint did not negotiate the feature under test (permessage-deflate in 12.x, 13.x). */
    UNIMPLEMENTED,
    /** The endpoint violated the specification, or the case did not finish. */
    FAILED
}
