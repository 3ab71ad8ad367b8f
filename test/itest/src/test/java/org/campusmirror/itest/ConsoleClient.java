package org.campusmirror.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to a running mirror over loopback HTTP the way an admin's browser does: the display page, and the Web
 * Console's HTTP interface (bundles, configMgr, the DS plugin's components) with HTTP Basic authentication.
 */
final class ConsoleClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    ConsoleClient(int port, String user, String password) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static ConsoleClient anonymous(int port) {
        return new ConsoleClient(port, null, null);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
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
