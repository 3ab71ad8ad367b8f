package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every page the Web Console lists, as an admin could open or download it: each page of the menu; each status
 * printer as HTML, text, JSON and zip; the full configuration status dump as text and zip; the JSON of bundles,
 * services, components and every configuration, and every configuration's form. Zips are unpacked.
 */
final class ConsolePages {
    private static final Pattern MENU_LINK = Pattern.compile("href=\"/system/console/([^\"#?]+)\"");

    private ConsolePages() {
    }

    /** Page address to its text; fails when a page the console lists does not answer 200. */
    static Map<String, String> fetchAll(ConsoleClient console) throws IOException, InterruptedException {
        Map<String, String> pages = new LinkedHashMap<>();
        Set<String> menu = new TreeSet<>();
        Matcher links = MENU_LINK.matcher(text(console, "/system/console/bundles", pages));
        while (links.find()) {
            String label = links.group(1);
            if (!label.startsWith("res/") && !label.equals("logout")) {
                menu.add(label);
            }
        }
        for (String label : menu) {
            String path = "/system/console/" + encode(label);
            text(console, path, pages);
            if (label.startsWith("status-")) {
                text(console, path + ".txt", pages);
                text(console, path + ".json", pages);
                zip(console, path + ".zip", pages);
            }
        }
        text(console, "/system/console/config/configuration-status-20260101-000000.txt", pages);
        zip(console, "/system/console/config/configuration-status-20260101-000000.zip", pages);
        for (String json : new String[] {"bundles.json", "services.json", "components.json", "configMgr/*.json"}) {
            text(console, "/system/console/" + json, pages);
        }
        for (JsonNode configuration : ConsoleClient.json(console.get("/system/console/configMgr/*.json"))) {
            String pid = configuration.path("pid").asText();
            text(console, "/system/console/configMgr/" + encode(pid) + ".json", pages);
            HttpResponse<String> form = console.postForm("/system/console/configMgr/" + encode(pid), Map.of());
            assertEquals(200, form.statusCode(), "form of " + pid);
            pages.put("POST configMgr/" + pid, form.body());
        }
        return pages;
    }

    private static String text(ConsoleClient console, String path, Map<String, String> pages)
            throws IOException, InterruptedException {
        HttpResponse<String> page = console.get(path);
        assertEquals(200, page.statusCode(), path);
        pages.put(path, page.body());
        return page.body();
    }

    private static void zip(ConsoleClient console, String path, Map<String, String> pages)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> download = console.getBytes(path);
        assertEquals(200, download.statusCode(), path);
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download.body()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                pages.put(path + "!" + entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                entries++;
            }
        }
        assertEquals(true, entries > 0, "a zip with entries: " + path);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
