package org.campusmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

class SelfSignedCertificateTest {
    @Test
    void namesCoverLoopbackHostNameMdnsAndTheMachinesAddresses() throws Exception {
        List<InetAddress> addresses = List.of(InetAddress.getByName("10.1.2.3"), InetAddress.getByName("fd00::2"),
                InetAddress.getByName("fe80::1"), InetAddress.getByName("127.0.0.1"));
        assertEquals(List.of("dns:localhost", "ip:127.0.0.1", "ip:::1", "dns:mirror-3", "dns:mirror-3.local",
                "ip:10.1.2.3", "ip:fd00:0:0:0:0:0:0:2"), SelfSignedCertificate.subjectAltNames("mirror-3", addresses));
    }

    @Test
    void qualifiedHostNameGetsNoMdnsName() {
        assertEquals(List.of("dns:localhost", "ip:127.0.0.1", "ip:::1", "dns:mirror.hs-example.de"),
                SelfSignedCertificate.subjectAltNames("mirror.hs-example.de", List.of()));
    }

    @Test
    void hostNameThatIsNoDnsNameIsLeftOut() {
        assertEquals(List.of("dns:localhost", "ip:127.0.0.1", "ip:::1"),
                SelfSignedCertificate.subjectAltNames("bad,name=x", List.of()));
        assertEquals(List.of("dns:localhost", "ip:127.0.0.1", "ip:::1"),
                SelfSignedCertificate.subjectAltNames(null, List.of()));
    }
}
