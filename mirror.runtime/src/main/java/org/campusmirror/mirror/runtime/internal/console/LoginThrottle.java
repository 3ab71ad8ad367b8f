package org.campusmirror.mirror.runtime.internal.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Slows password guessing from one client down. The first {@value #FREE_FAILURES} failed logins in a row cost
 * nothing extra; each further one locks the client out for twice as long as the one before, from 1 s up to 15 min.
 * While locked out, the client's logins are refused without looking at the password. A successful login clears the
 * client's record. A client is an IPv4 address, or the /64 network of
 * an IPv6 address (a single host can choose freely within its /64). At most {@value #MAX_CLIENTS} clients are
 * remembered; the longest quiet ones are forgotten first, and every record after an hour without failures.
 */
final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCKOUT = Duration.ofSeconds(1);
    static final Duration LONGEST_LOCKOUT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final int MAX_CLIENTS = 4096;

    /** The answer to a login attempt: go ahead and check it, or refuse it and tell the client to wait. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final class Record {
        int failures;
        long lockedUntil;
        long lastFailure;
    }

    private final LongSupplier nanoClock;
    // Access order: the first entry is the one touched longest ago.
    private final Map<String, Record> clients = new LinkedHashMap<>(64, 0.75f, true);

    LoginThrottle(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Whether a login of {@code client} may be checked now. */
    synchronized Decision attempt(String client) {
        long now = nanoClock.getAsLong();
        forgetQuiet(now);
        Record record = clients.get(client);
        if (record != null && now - record.lockedUntil < 0) {
            long nanosLeft = record.lockedUntil - now;
            return new Decision(false, (nanosLeft + 999_999_999L) / 1_000_000_000L);
        }
        return new Decision(true, 0);
    }

    synchronized void succeeded(String client) {
        clients.remove(client);
    }


    /** Records a failed login; returns the lockout it earned (zero while the failures are still free). */
    synchronized Duration failed(String client) {
        long now = nanoClock.getAsLong();
        Record record = clients.get(client);
        if (record == null) {
            record = new Record();
            clients.put(client, record);
            forgetOldestBeyondLimit();
        }
        record.failures++;
        record.lastFailure = now;
        if (record.failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(record.failures - FREE_FAILURES, 30);
        Duration lockout = FIRST_LOCKOUT.multipliedBy(1L << doublings);
        if (lockout.compareTo(LONGEST_LOCKOUT) > 0) {
            lockout = LONGEST_LOCKOUT;
        }
        record.lockedUntil = now + lockout.toNanos();
        return lockout;
    }

    /** How many clients are remembered now. */
    synchronized int remembered() {
        return clients.size();
    }

    /** The client a remote address counts as: the address itself for IPv4, its /64 network for IPv6. */
    static String clientOf(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isEmpty()) {
            return "unknown";
        }
        String literal = remoteAddress.startsWith("[") && remoteAddress.endsWith("]")
                ? remoteAddress.substring(1, remoteAddress.length() - 1) : remoteAddress;
        if (literal.indexOf(':') < 0) {
            return literal;
        }
        int scope = literal.indexOf('%');
        try {
            // An IPv6 literal (checked by the colon above): parsed without any name lookup.
            byte[] bytes = InetAddress.getByName(scope < 0 ? literal : literal.substring(0, scope)).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress(); // IPv4-mapped
            }
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException notALiteral) {
            return literal;
        }
    }

    private void forgetQuiet(long now) {
        Iterator<Record> records = clients.values().iterator();
        while (records.hasNext()) {
            Record record = records.next();
            boolean quiet = now - record.lastFailure > FORGET_AFTER.toNanos() && now - record.lockedUntil > 0;
            if (quiet) {
                records.remove();
            }
        }
    }

    private void forgetOldestBeyondLimit() {
        Iterator<Record> oldestFirst = clients.values().iterator();
        while (clients.size() > MAX_CLIENTS && oldestFirst.hasNext()) {
            oldestFirst.next();
            oldestFirst.remove();
        }
    }
}
