package org.campusmirror.ws.protocol.internal;

import java.util.ArrayList;
import java.util.List;

import org.campusmirror.ws.protocol.ExtensionOffer;
import org.campusmirror.ws.protocol.ExtensionParameter;
import org.campusmirror.ws.protocol.HandshakeException;
import org.campusmirror.ws.protocol.HttpTokens;

/**
 * The grammar of RFC 6455 section 9.1:
 * <pre>
 * extension-list  = 1#extension
 * extension       = extension-token *( ";" extension-param )
 * extension-param = token [ "=" (token | quoted-string) ]
 * </pre>
 * with optional whitespace around separators; a quoted value must be a token once unescaped.
 */
public final class ExtensionHeaderSyntax {
    private final String text;
    private int at;

    private ExtensionHeaderSyntax(String text) {
        this.text = text;
    }

    /** Parses a header value into offers; throws 400 at the first character that breaks the grammar. */
    public static List<ExtensionOffer> parse(String headerValue) throws HandshakeException {
        return new ExtensionHeaderSyntax(headerValue).extensionList();
    }

    private List<ExtensionOffer> extensionList() throws HandshakeException {
        List<ExtensionOffer> offers = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (peek(',')) {
                at++; // an empty list element
                continue;
            }
            if (atEnd()) {
                break;
            }
            offers.add(extension());
            skipWhitespace();
            if (atEnd()) {
                break;
            }
            expect(',');
        }
        if (offers.isEmpty()) {
            throw error("no extension in Sec-WebSocket-Extensions");
        }
        return offers;
    }

    private ExtensionOffer extension() throws HandshakeException {
        String name = token("extension name");
        List<ExtensionParameter> params = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (!peek(';')) {
                return new ExtensionOffer(name, params);
            }
            at++;
            skipWhitespace();
            String paramName = token("parameter name");
            skipWhitespace();
            String value = null;
            if (peek('=')) {
                at++;
                skipWhitespace();
                value = peek('"') ? quotedToken() : token("parameter value");
            }
            params.add(new ExtensionParameter(paramName, value));
        }
    }

    private String token(String what) throws HandshakeException {
        int start = at;
        while (!atEnd() && HttpTokens.isTokenChar(text.charAt(at))) {
            at++;
        }
        if (start == at) {
            throw error("expected " + what);
        }
        return text.substring(start, at);
    }

    private String quotedToken() throws HandshakeException {
        at++; // opening quote
        StringBuilder value = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error("unterminated quoted string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                if (atEnd()) {
                    throw error("unterminated escape");
                }
                c = text.charAt(at++);
            }
            value.append(c);
        }
        if (!HttpTokens.isToken(value)) {
            throw error("quoted value is not a token once unescaped");
        }
        return value.toString();
    }

    private void expect(char c) throws HandshakeException {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        at++;
    }

    private boolean peek(char c) {
        return !atEnd() && text.charAt(at) == c;
    }

    private boolean atEnd() {
        return at >= text.length();
    }

    private void skipWhitespace() {
        while (!atEnd() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
    }

    private HandshakeException error(String message) {
        return new HandshakeException(400, "invalid Sec-WebSocket-Extensions at index " + at + ": " + message);
    }
}
