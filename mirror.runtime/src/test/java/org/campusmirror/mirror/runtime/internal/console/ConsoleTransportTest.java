package org.campusmirror.mirror.runtime.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleTransportTest {
    @ParameterizedTest(name = "secure={0} from {1}: https first = {2}")
    @CsvSource({
            "false, 127.0.0.1, false", "false, 127.3.4.5, false", "false, ::1, false", "false, [::1], false",
            "false, 0:0:0:0:0:0:0:1, false", "false, ::ffff:127.0.0.1, false",
            "false, 192.0.2.2, true", "false, 10.0.0.1, true", "false, fd00::2, true", "false, fe80::1%eth0, true",
            // Names are never resolved: only a loopback literal counts.
            "false, localhost, true", "false, '', true", "false, 127.0.0.1.example, true",
            "true, 192.0.2.2, false", "true, 127.0.0.1, false"})
    void plainHttpFromAnywhereButLoopbackGoesToHttps(boolean secure, String remote, boolean https) {
        assertEquals(https, ConsoleTransport.needsHttps(secure, remote));
    }

    @ParameterizedTest(name = "{0} -> {5}")
    @CsvSource(delimiter = '|', value = {
            "mirror.local|192.0.2.2|/system/console/bundles||8443|https://mirror.local:8443/system/console/bundles",
            "192.0.2.2|192.0.2.2|/system/console/configMgr|pid=x&y=1|9443|https://192.0.2.2:9443/system/console/configMgr?pid=x&y=1",
            "[fd00::2]|fd00::2|/system/console||8443|https://[fd00::2]:8443/system/console",
            // A Host that is no plain name or literal: the address the request arrived on instead.
            "fd00::2|fd00::2|/system/console||8443|https://[fd00::2]:8443/system/console",
            "evil.example/x?|192.0.2.2|/system/console||8443|https://192.0.2.2:8443/system/console",
            "a@b|192.0.2.2|/system/console||8443|https://192.0.2.2:8443/system/console",
            "|192.0.2.2|/system/console||8443|https://192.0.2.2:8443/system/console"})
    void redirectKeepsPathAndQueryAndTakesOnlyASaneHost(String host, String arrivedOn, String uri, String query,
            int port, String location) {
        assertEquals(location, ConsoleTransport.httpsLocation(host, arrivedOn, port, uri, query));
    }
}
