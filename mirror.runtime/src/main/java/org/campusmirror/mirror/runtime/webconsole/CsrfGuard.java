package org.campusmirror.mirror.runtime.webconsole;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protects a console plugin's state-changing requests from cross-site request forgery. The Web Console has no
 * token of its own, and its HTTP Basic credentials ride along with any request a browser sends, so two checks:
 * <ul>
 * <li>a token in every form: an HMAC of the signed-in user under a key drawn at each start, which another site
 * cannot read or compute (it cannot read the console's pages);</li>
 * <li>the browser's {@code Origin} (else {@code Referer}) must name this very origin; a request with neither
 * comes from no browser page, and the token alone decides.</li>
 * </ul>
 */
public final class CsrfGuard {
    /** The form field that carries the token. */
    public static final String FIELD = "token";
    private final SecretKeySpec key;

    public CsrfGuard() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The token for forms shown to {@code user} (null: an anonymous user, if the console ever allows one). */
    public String token(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("mirror-console|" + (user == null ? "" : user))
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /**
     * Why a state-changing request must be refused, or empty when it may go on.
     *
     * @param user    the signed-in user
     * @param token   the form's token field, or null
     * @param origin  the {@code Origin} header, or null
     * @param referer the {@code Referer} header, or null
     * @param scheme  the request's scheme ({@code http}, {@code https})
     * @param host    the {@code Host} header the browser sent
     */
    public Optional<String> refusal(String user, String token, String origin, String referer, String scheme, String host) {
        String expected = (scheme + "://" + host).toLowerCase(Locale.ROOT);
        if (origin != null) {
            if (!origin.strip().toLowerCase(Locale.ROOT).equals(expected)) {
                return Optional.of("the request comes from another origin (" + origin + ")");
            }
        } else if (referer != null && !expected.equals(originOf(referer))) {
            return Optional.of("the request comes from another page (" + referer + ")");
        }
        if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                token(user).getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("the form's token is missing or wrong; reload the page");
        }
        return Optional.empty();
    }

    private static String originOf(String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return "";
            }
            return (uri.getScheme() + "://" + uri.getRawAuthority()).toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
