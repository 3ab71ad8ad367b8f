package org.campusmirror.ws.protocol;

/**
 * The {@code token} grammar of <a href="https://www.rfc-editor.org/rfc/rfc9110#section-5.6.2">RFC 9110
 * section 5.6.2</a>, which header values of the opening handshake are built from (RFC 6455 section 4.1).
 */
public final class HttpTokens {
    private static final boolean[] TOKEN_CHARS = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TOKEN_CHARS[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN_CHARS[c] = true;
            TOKEN_CHARS[Character.toUpperCase(c)] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN_CHARS[c] = true;
        }
    }

    private HttpTokens() {
    }

    /** Whether {@code c} may appear in a token. */
    public static boolean isTokenChar(char c) {
        return c < 128 && TOKEN_CHARS[c];
    }

    /** Whether {@code s} is a non-empty token. */
    public static boolean isToken(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
