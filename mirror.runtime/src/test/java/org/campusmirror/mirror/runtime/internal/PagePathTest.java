package org.campusmirror.mirror.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagePathTest {
    @Test
    void announcedEndpointGivesTheActualPortOnLoopback() {
        assertEquals(URI.create("http://127.0.0.1:39123/"),
                PagePath.localPage(List.of("http://0.0.0.0:39123/"), "0", null));
    }

    @Test
    void configuredPortIsTheFallback() {
        assertEquals(URI.create("http://127.0.0.1:8089/"), PagePath.localPage(List.of(), "8089", null));
        assertEquals(URI.create("http://127.0.0.1:8080/"), PagePath.localPage(List.of(), null, null));
    }

    @ParameterizedTest(name = "mirror.http.host={0}")
    @CsvSource({"'', http://127.0.0.1:8080/", "0.0.0.0, http://127.0.0.1:8080/", "::, http://127.0.0.1:8080/",
            "127.0.0.1, http://127.0.0.1:8080/", "192.0.2.2, http://192.0.2.2:8080/", "fd00::2, http://[fd00::2]:8080/",
            "mirror.local, http://mirror.local:8080/"})
    void pageIsProbedOnTheOneAddressHttpListensOn(String host, String page) {
        assertEquals(URI.create(page), PagePath.localPage(List.of("http://" + "x:8080/"), "8080", host));
    }
}
