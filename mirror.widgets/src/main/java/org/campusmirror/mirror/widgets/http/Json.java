package org.campusmirror.mirror.widgets.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The widgets' Jackson setup: {@link JavaTimeModule} registered by hand (module discovery finds nothing under
 * OSGi), unknown properties ignored (APIs grow), trailing tokens refused, input bounded (nesting, string, number
 * and document length), and parse errors that name the URL and the place, never the content.
 */
public final class Json {
    /** The JSON content types accepted by {@link #tree}. */
    public static final String[] CONTENT_TYPES = {"application/json", "+json", "text/json"};
    public static final int MAX_NESTING = 64;
    public static final int MAX_STRING_CHARS = 1 << 20;
    public static final long MAX_DOCUMENT_CHARS = 16L << 20;

    private static final ObjectMapper MAPPER = newMapper();

    private Json() {
    }

    /** The shared mapper; configured once, safe to use from any thread. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new mapper with the same setup, for a widget that needs its own additions. */
    public static ObjectMapper newMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxNumberLength(100)
                        .maxNameLength(1000)
                        .maxDocumentLength(MAX_DOCUMENT_CHARS)
                        .build())
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /**
     * The body as a JSON tree, after checking that it is JSON by its content type.
     *
     * @throws UnexpectedContentTypeException for another content type (an HTML error page, say)
     * @throws MalformedBodyException         for a body that is not well-formed JSON, or over the bounds
     */
    public static JsonNode tree(FetchResponse response) throws IOException {
        response.requireContentType("JSON", CONTENT_TYPES);
        return anyTree(response);
    }

    /** The body as a JSON tree whatever its content type says (endpoints that send JSON as text/plain). */
    public static JsonNode anyTree(FetchResponse response) throws IOException {
        Charset charset = response.charset(StandardCharsets.UTF_8);
        try {
            JsonNode tree = charset.equals(StandardCharsets.UTF_8)
                    ? MAPPER.readTree(response.body())
                    : MAPPER.readTree(new String(response.body(), charset));
            if (tree == null || tree.isMissingNode()) {
                throw new MalformedBodyException(HttpUrls.forDisplay(response.uri()) + " sent an empty body, not JSON",
                        null);
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw malformed(response, e);
        }
    }

    /** The body bound to {@code type} (a record, say), after checking the content type. */
    public static <T> T read(FetchResponse response, Class<T> type) throws IOException {
        response.requireContentType("JSON", CONTENT_TYPES);
        try {
            return MAPPER.treeToValue(anyTree(response), type);
        } catch (JsonProcessingException e) {
            throw malformed(response, e);
        }
    }

    private static MalformedBodyException malformed(FetchResponse response, JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int cut = what.indexOf('\n');
        return new MalformedBodyException("malformed JSON from " + HttpUrls.forDisplay(response.uri()) + where + ": "
                + (cut < 0 ? what : what.substring(0, cut)), e);
    }
}
