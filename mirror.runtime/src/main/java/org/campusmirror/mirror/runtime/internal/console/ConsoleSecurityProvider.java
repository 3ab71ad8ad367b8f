package org.campusmirror.mirror.runtime.internal.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.context.ServletContextHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one way into the Web Console: HTTP Basic for user {@code admin} against the salted PBKDF2 hash the launcher
 * wrote to {@code HOME/console.credentials}. Registered with the highest ranking and the id the launcher lists in
 * {@code felix.webconsole.security.providers}, so the console uses this provider, serves nothing while it is
 * missing, and never checks its own (configurable) user and password: no saved console configuration can open it.
 *
 * <p>Before looking at any credentials, a request over plain HTTP from another machine is redirected to the HTTPS
 * port ({@link ConsoleTransport}). Password guessing is slowed per client ({@link LoginThrottle}); one password hash
 * is computed at a time, with at most {@value #MAX_WAITING} logins waiting, so guessing cannot starve the display;
 * credentials accepted once are remembered (as an HMAC under a per-start key), so a console page with dozens of
 * resources costs one hash.
 */
@Component(service = SecurityProvider.class, property = {
        SecurityProvider.PROPERTY_ID + "=" + ConsoleSecurityProvider.ID,
        "service.ranking:Integer=" + Integer.MAX_VALUE})
public final class ConsoleSecurityProvider implements SecurityProvider {
    /** The id the launcher requires in {@code felix.webconsole.security.providers}. */
    static final String ID = "campusmirror";
    static final String REALM = "Campus Mirror";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSecurityProvider.class);
    private static final long HASH_WAIT_SECONDS = 5;
    private static final int REMEMBERED_LOGINS = 32;
    /** Logins waiting for the hash besides the one being checked. */
    private static final int MAX_WAITING = 4;

    private final Path credentialsFile;
    private volatile HashedCredentials credentials;
    private final AtomicBoolean complained = new AtomicBoolean();
    private final LoginThrottle throttle;
    private final Semaphore hashing = new Semaphore(1);
    /** Logins being checked or waiting for their turn, from arrival to the end of their hash. */
    private final AtomicInteger inLine = new AtomicInteger();
    private final Set<String> accepted = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_LOGINS;
        }
    });
    private final Mac acceptedKey;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConsoleHttps https;

    @Activate
    public ConsoleSecurityProvider(BundleContext context) {
        this(credentialsFile(context.getProperty("mirror.home")), System::nanoTime);
    }

    ConsoleSecurityProvider(Path credentialsFile, LongSupplier nanoClock) {
        this.credentialsFile = credentialsFile;
        this.throttle = new LoginThrottle(nanoClock);
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            acceptedKey = Mac.getInstance("HmacSHA256");
            acceptedKey.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    void setHttps(ConsoleHttps https) {
        this.https = https;
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        try {
            if (ConsoleTransport.needsHttps(request.isSecure(), request.getRemoteAddr())) {
                sendToHttps(request, response);
                return null;
            }
            String header = request.getHeader("Authorization");
            Optional<BasicAuthorization> login = BasicAuthorization.parse(header);
            if (login.isEmpty() || credentials().isEmpty()) {
                challenge(response);
                return null;
            }
            if (rememberedOrChecked(header, login.get(), request.getRemoteAddr(), response)) {
                request.setAttribute(ServletContextHelper.AUTHENTICATION_TYPE, HttpServletRequest.BASIC_AUTH);
                request.setAttribute(ServletContextHelper.REMOTE_USER, login.get().user());
                return login.get().user();
            }
            return null;
        } catch (IOException clientGone) {
            return null;
        }
    }

    /** Single user: whoever authenticated may do everything. */
    @Override
    public boolean authorize(Object user, String role) {
        return credentials().map(known -> known.user().equals(user)).orElse(false);
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        // Basic auth keeps nothing on the server; the console then asks the browser to forget the credentials.
    }

    /** True when the login is good; otherwise the response (401, 429 or 503) is already sent. */
    private boolean rememberedOrChecked(String header, BasicAuthorization login, String remoteAddress,
            HttpServletResponse response) throws IOException {
        String fingerprint = fingerprint(header);
        String client = LoginThrottle.clientOf(remoteAddress);
        if (remembered(fingerprint, client)) {
            return true;
        }
        LoginThrottle.Decision early = throttle.attempt(client);
        if (!early.allowed()) {
            refuseLockedOut(response, early);
            return false;
        }
        // One hash at a time, a few logins waiting for their turn, the rest turned away at once: guessing costs the
        // display at most one core and a handful of HTTP threads.
        // Counted until the hash is done, not until it is taken: a login that has arrived but not yet taken the
        // free hash would otherwise push a fifth one waiting out.
        if (inLine.incrementAndGet() > 1 + MAX_WAITING) {
            inLine.decrementAndGet();
            refuse(response, 503, HASH_WAIT_SECONDS, "The console is busy checking other logins; try again");
            return false;
        }
        try {
            return checkedInTurn(fingerprint, client, login, remoteAddress, response);
        } finally {
            inLine.decrementAndGet();
        }
    }

    private boolean checkedInTurn(String fingerprint, String client, BasicAuthorization login, String remoteAddress,
            HttpServletResponse response) throws IOException {
        try {
            if (!hashing.tryAcquire(HASH_WAIT_SECONDS, TimeUnit.SECONDS)) {
                refuse(response, 503, HASH_WAIT_SECONDS, "The console is busy checking other logins; try again");
                return false;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            refuse(response, 503, HASH_WAIT_SECONDS, "The console is shutting down");
            return false;
        }
        try {
            // While this one waited, the same browser's parallel request may have had these credentials checked,
            // or other guesses from this client may have earned a lockout.
            if (remembered(fingerprint, client)) {
                return true;
            }
            LoginThrottle.Decision decision = throttle.attempt(client);
            if (!decision.allowed()) {
                refuseLockedOut(response, decision);
                return false;
            }
            if (credentials().orElseThrow().matches(login.user(), login.password())) {
                throttle.succeeded(client);
                synchronized (accepted) {
                    accepted.add(fingerprint);
                }
                return true;
            }
            Duration lockout = throttle.failed(client);
            if (lockout.isZero()) {
                LOG.warn("Web Console login refused for {}", remoteAddress);
            } else {
                LOG.warn("Web Console login refused for {}; further logins from there refused for {} s",
                        remoteAddress, lockout.toSeconds());
            }
            challenge(response);
            return false;
        } finally {
            hashing.release();
        }
    }

    private boolean remembered(String fingerprint, String client) {
        synchronized (accepted) {
            if (!accepted.contains(fingerprint)) {
                return false;
            }
        }
        throttle.succeeded(client);
        return true;
    }

    private static void refuseLockedOut(HttpServletResponse response, LoginThrottle.Decision decision)
            throws IOException {
        refuse(response, 429, decision.retryAfterSeconds(),
                "Too many failed logins from your address; try again in " + decision.retryAfterSeconds() + " s");
    }

    private void sendToHttps(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConsoleHttps current = https;
        OptionalInt port = current == null ? OptionalInt.empty() : current.port();
        if (port.isEmpty()) {
            refuse(response, 503, 0, "The Web Console is served over HTTPS only, and HTTPS is not running;"
                    + " see the mirror's log");
            return;
        }
        response.sendRedirect(ConsoleTransport.httpsLocation(request.getServerName(), request.getLocalAddr(),
                port.getAsInt(), request.getRequestURI(), request.getQueryString()));
    }

    private static void challenge(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentLength(0);
        response.flushBuffer();
    }

    private static void refuse(HttpServletResponse response, int status, long retryAfterSeconds, String message)
            throws IOException {
        response.setStatus(status);
        if (retryAfterSeconds > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    private String fingerprint(String header) {
        synchronized (acceptedKey) {
            return Base64.getEncoder().encodeToString(acceptedKey.doFinal(header.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static Path credentialsFile(String home) {
        return Path.of(home == null ? "mirror-home" : home).resolve(HashedCredentials.FILE_NAME);
    }

    /**
     * The credentials the launcher wrote; read when first needed, since the launcher hashes the password while the
     * framework starts. Fails closed: while the file is missing or malformed, every login is refused, said once.
     */
    private Optional<HashedCredentials> credentials() {
        HashedCredentials known = credentials;
        if (known != null) {
            return Optional.of(known);
        }
        try {
            known = HashedCredentials.read(credentialsFile);
            credentials = known;
            return Optional.of(known);
        } catch (NoSuchFileException missing) {
            if (!complained.getAndSet(true)) {
                LOG.warn("The Web Console refuses every login until the launcher has written {}", credentialsFile);
            }
        } catch (IOException unreadable) {
            if (!complained.getAndSet(true)) {
                LOG.error("The Web Console refuses every login: cannot read {} ({}); restart the mirror to write it"
                        + " anew", credentialsFile, unreadable.getMessage());
            }
        }
        return Optional.empty();
    }
}
