package org.campusmirror.mirror.runtime.internal.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * JSON text read back into plain Java values: {@link Map} (insertion order), {@link List}, {@link String},
 * {@link Long}, {@link java.math.BigInteger}, {@link Double}, {@link Boolean}, null. Used for data the runtime wrote
 * itself (the offline cache), so any surprise is a corrupt file: it throws {@link IOException}.
 */
public final class JsonTree {
    private JsonTree() {
    }

    /** The one value in {@code json}; trailing content is refused. */
    public static Object parse(String json) throws IOException {
        try (JsonParser parser = ViewModelJson.FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("no JSON value");
            }
            Object value = read(parser, first, 0);
            if (parser.nextToken() != null) {
                throw new IOException("content after the JSON value at " + parser.currentLocation());
            }
            return value;
        }
    }

    /** Reads the value starting at {@code token} (the parser's current token). */
    public static Object read(JsonParser parser, JsonToken token, int depth) throws IOException {
        if (depth > ViewModelJson.MAX_DEPTH) {
            throw new IOException("nested deeper than " + ViewModelJson.MAX_DEPTH + " levels");
        }
        if (token == null) {
            throw new IOException("JSON ends too early");
        }
        switch (token) {
            case START_OBJECT:
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    if (next != JsonToken.FIELD_NAME) {
                        throw new IOException("expected a field name at " + parser.currentLocation());
                    }
                    String name = parser.currentName();
                    object.put(name, read(parser, parser.nextToken(), depth + 1));
                }
                return Collections.unmodifiableMap(object);
            case START_ARRAY:
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(read(parser, next, depth + 1));
                }
                return Collections.unmodifiableList(array);
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getBigIntegerValue()
                        : parser.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + token + " at " + parser.currentLocation());
        }
    }
}
