package org.campusmirror.mirror.fleet;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.campusmirror.mirror.fleet.trust.FleetKeys;

/**
 * The fleet configuration, checked. {@link #read} throws {@link IllegalArgumentException} with a message naming the
 * setting for anything wrong, so one log line says what to fix.
 *
 * @param groups  the groups this mirror listens to, {@code all} first
 * @param pahoUri the broker as Paho names it: {@code tcp://} for mqtt, {@code ssl://} for mqtts
 */
record FleetSettings(URI brokerUrl, String pahoUri, boolean tls, String name, String location, List<String> groups,
        String username, char[] password, Path caCertificate, Path clientKeystore, char[] clientKeystorePassword,
        Topics topics, Duration keepAlive, Duration statusEvery, Duration reconnectMax, boolean acceptUnsigned,
        PublicKey fleetKey, long rolloutMaxBytes) {

    /** Whether the configuration names a broker at all. */
    static boolean configured(FleetConfiguration config) {
        return !config.broker_url().isBlank();
    }

    static FleetSettings read(FleetConfiguration config) {
        URI broker;
        try {
            broker = new URI(config.broker_url().strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("broker.url: " + e.getMessage());
        }
        String scheme = broker.getScheme() == null ? "" : broker.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "mqtts" -> true;
            case "mqtt" -> false;
            default -> throw new IllegalArgumentException("broker.url: use mqtts://host:port or mqtt://host:port, not '"
                    + config.broker_url() + "'");
        };
        if (broker.getHost() == null || broker.getUserInfo() != null) {
            throw new IllegalArgumentException("broker.url: give host and port only (the user and password have their "
                    + "own settings)");
        }
        int port = broker.getPort() > 0 ? broker.getPort() : tls ? 8883 : 1883;
        String host = broker.getHost().contains(":") && !broker.getHost().startsWith("[") ? "[" + broker.getHost() + "]"
                : broker.getHost();
        String paho = (tls ? "ssl://" : "tcp://") + host + ":" + port;

        LinkedHashSet<String> groups = new LinkedHashSet<>();
        groups.add(Topics.ALL);
        // Commas separate groups too: a .cfg file in deploy/ gives the list as one string.
        for (String group : String.join(",", config.groups()).split(",")) {
            String trimmed = group.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!Topics.validName(trimmed)) {
                throw new IllegalArgumentException("groups: '" + trimmed
                        + "' is not a group name (letters, digits, '.', '_', '-'; at most 64)");
            }
            groups.add(trimmed);
        }
        PublicKey key = null;
        if (!config.fleet_public_key().isBlank()) {
            try {
                key = FleetKeys.publicKey(config.fleet_public_key());
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("fleet.public.key: not an Ed25519 public key (" + e.getMessage() + ")");
            }
        }
        return new FleetSettings(broker, paho, tls, config.name().strip(), config.location().strip(), List.copyOf(groups),
                config.username().strip(), config._password().toCharArray(), path(config.ca_certificate()),
                path(config.client_keystore()), config._client_keystore_password().toCharArray(),
                new Topics(config.topic_prefix().strip()),
                seconds("keepalive.seconds", config.keepalive_seconds(), 2, 600),
                seconds("status.seconds", config.status_seconds(), 5, 3600),
                seconds("reconnect.max.seconds", config.reconnect_max_seconds(), 1, 3600),
                config.accept_unsigned_announcements(), key,
                range("rollout.max.mib", config.rollout_max_mib(), 1, 512) * 1024L * 1024L);
    }

    private static Path path(String text) {
        return text == null || text.isBlank() ? null : Path.of(text.strip());
    }

    private static Duration seconds(String key, int value, int min, int max) {
        return Duration.ofSeconds(range(key, value, min, max));
    }

    private static int range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": " + value + " is out of range " + min + "-" + max);
        }
        return value;
    }

    @Override
    public String toString() {
        // Never the passwords: this record may end up in a log line.
        return "FleetSettings[" + brokerUrl + ", groups " + groups + ", user '" + username + "', prefix "
                + topics.prefix() + "]";
    }
}
