package org.campusmirror.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to a running mirror the way an admin's browser does, over loopback HTTP or over HTTPS: the display page, and
 * the Web Console's HTTP interface (bundles, configMgr, the DS plugin's components) with HTTP Basic authentication.
 */
final class ConsoleClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;
    private final HttpClient client;

    ConsoleClient(int port, String user, String password) {
        this(URI.create("http://127.0.0.1:" + port), user, password, null);
    }

    /** {@code tls} null for plain HTTP; otherwise the trust for HTTPS (host names are verified, as browsers do). */
    ConsoleClient(URI base, String user, String password, SSLContext tls) {
        this.base = base;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
    }

    static ConsoleClient anonymous(int port) {
        return new ConsoleClient(port, null, null);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return postFormWithHeaders(path, fields, Map.of());
    }

    HttpResponse<String> postFormWithHeaders(String path, Map<String, String> fields, Map<String, String> headers)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A form with repeated fields (multi-value configuration properties), in the given order. */
    HttpResponse<String> postForm(String path, java.util.List<Map.Entry<String, String>> fields)
            throws IOException, InterruptedException {
        String body = fields.stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /**
     * Creates a factory configuration through the console's configuration form (as "+" then "Save" does) and
     * returns its PID. {@code values} may repeat a key for a multi-value property.
     */
    String createFactoryConfiguration(String factoryPid, java.util.List<Map.Entry<String, String>> values)
            throws IOException, InterruptedException {
        java.util.List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
        fields.add(Map.entry("apply", "true"));
        fields.add(Map.entry("factoryPid", factoryPid));
        fields.add(Map.entry("propertylist", values.stream().map(Map.Entry::getKey).distinct()
                .collect(Collectors.joining(","))));
        fields.addAll(values);
        HttpResponse<String> response = postForm("/system/console/configMgr/" + encode("[Temporary PID replaced by "
                + "real PID upon save]"), fields);
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || !location.contains("/configMgr/" + factoryPid + ".")) {
            throw new IOException("configuration of " + factoryPid + " not created: HTTP " + response.statusCode()
                    + " " + location + " " + response.body());
        }
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The console's install form: action=install, bundlestart, and the file as multipart part bundlefile. */
    HttpResponse<String> installBundle(Path file) throws IOException, InterruptedException {
        String boundary = "----itest" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeField(body, boundary, "action", "install");
        writeField(body, boundary, "bundlestart", "start");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundlefile\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(file));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("/system/console/bundles")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    /** The console's JSON view of one bundle, or empty when no bundle has that symbolic name. */
    Optional<JsonNode> bundle(String symbolicName) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/system/console/bundles/" + symbolicName + ".json");
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonNode data = json(response).path("data");
        return data.size() == 1 ? Optional.of(data.get(0)) : Optional.empty();
    }

    /** The state of a DS component as the console's DS plugin reports it, or empty when it is not there. */
    Optional<String> componentState(String componentName) throws IOException, InterruptedException {
        for (JsonNode component : json(get("/system/console/components.json")).path("data")) {
            if (componentName.equals(component.path("name").asText())) {
                return Optional.of(component.path("state").asText());
            }
        }
        return Optional.empty();
    }

    /**
     * Creates a factory configuration the way the console's form does, and returns its PID. Values are sent as
     * text; the console types them by the metatype when there is one.
     */
    String createFactoryConfiguration(String factoryPid, Map<String, String> properties)
            throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>(properties);
        fields.put("apply", "true");
        fields.put("factoryPid", factoryPid);
        fields.put("propertylist", String.join(",", properties.keySet()));
        HttpResponse<String> response = postForm("/system/console/configMgr/"
                + encode("__Temporary PID replaced by real PID upon save__").replace("+", "%20"), fields);
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.isEmpty()) {
            throw new IOException("configuration of " + factoryPid + " not created: HTTP " + response.statusCode()
                    + " " + response.body());
        }
        return URLDecoder.decode(location.substring(location.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
    }

    /** Saves the configuration {@code pid} with {@code properties}, as the console's form does. */
    void saveConfiguration(String pid, Map<String, String> properties) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>(properties);
        fields.put("apply", "true");
        fields.put("propertylist", String.join(",", properties.keySet()));
        HttpResponse<String> response = postForm("/system/console/configMgr/" + encode(pid), fields);
        if (response.statusCode() != 302) {
            throw new IOException("configuration " + pid + " not saved: HTTP " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Deletes configuration {@code pid} through the console. */
    void deleteConfiguration(String pid) throws IOException, InterruptedException {
        HttpResponse<String> response = postForm("/system/console/configMgr/" + encode(pid),
                Map.of("apply", "true", "delete", "true"));
        if (response.statusCode() != 200) {
            throw new IOException("configuration " + pid + " not deleted: HTTP " + response.statusCode());
        }
    }

    /** Uninstalls a bundle through the console's bundle page. */
    void uninstallBundle(long id) throws IOException, InterruptedException {
        HttpResponse<String> response = postForm("/system/console/bundles/" + id, Map.of("action", "uninstall"));
        if (response.statusCode() != 200) {
            throw new IOException("bundle " + id + " not uninstalled: HTTP " + response.statusCode());
        }
    }

    /** The Mirror plugin's state: widgets, displays, page, alerts. */
    JsonNode mirrorState() throws IOException, InterruptedException {
        return json(get("/system/console/mirror/state.json"));
    }

    /** The Mirror plugin's form token, read from its page as a browser would. */
    String mirrorToken() throws IOException, InterruptedException {
        HttpResponse<String> page = get("/system/console/mirror");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("data-token=\"([^\"]+)\"").matcher(page.body());
        if (page.statusCode() != 200 || !token.find()) {
            throw new IOException("no token on the Mirror plugin page: HTTP " + page.statusCode());
        }
        return token.group(1);
    }

    /** Presses one of the Mirror plugin's buttons ({@code do} and its fields) with the page's token. */
    HttpResponse<String> mirrorAction(String action, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("do", action);
        form.put("token", mirrorToken());
        return postForm("/system/console/mirror/action", form);
    }

    int bundleCount() throws IOException, InterruptedException {
        return json(get("/system/console/bundles.json")).path("s").get(0).asInt();
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + response.uri() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void writeField(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
