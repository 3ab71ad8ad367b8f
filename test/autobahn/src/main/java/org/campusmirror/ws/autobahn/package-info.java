/** A Java re-implementation of the Autobahn|Testsuite fuzzing peer, for conformance tests. */
package org.campusmirror.ws.autobahn;
