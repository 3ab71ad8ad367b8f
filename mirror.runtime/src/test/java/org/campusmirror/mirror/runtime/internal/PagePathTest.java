package org.campusmirror.mirror.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

class PagePathTest {
    @Test
    void announcedEndpointGivesTheActualPortOnLoopback() {
        assertEquals(URI.create("http://127.0.0.1:39123/"),
                PagePath.loopbackPage(List.of("http://0.0.0.0:39123/"), "0"));
    }

    @Test
    void configuredPortIsTheFallback() {
        assertEquals(URI.create("http://127.0.0.1:8089/"), PagePath.loopbackPage(List.of(), "8089"));
        assertEquals(URI.create("http://127.0.0.1:8080/"), PagePath.loopbackPage(List.of(), null));
    }
}
