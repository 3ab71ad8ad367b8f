package org.campusmirror.mirror.fleet;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The fleet settings of this mirror, PID {@value #PID}. Without a broker URL the fleet does nothing. The password
 * is a private property ({@code .password}) of type PASSWORD: the console never shows it, and it is not a service
 * property.
 */
@ObjectClassDefinition(name = "Campus Mirror: fleet",
        description = "Joins this mirror to a fleet over an MQTT broker (Mosquitto): status, announcements, signed "
                + "configurations and widget rollouts. Leave the broker URL empty for a single mirror.")
public @interface FleetConfiguration {
    String PID = "org.campusmirror.mirror.fleet";

    @AttributeDefinition(name = "Broker URL", required = false,
            description = "mqtts://host:8883 (TLS, with the CA certificate below) or mqtt://host:1883 on a trusted "
                    + "network; empty: no fleet")
    String broker_url() default "";

    @AttributeDefinition(name = "Name", required = false, description = "e.g. Library, ground floor")
    String name() default "";

    @AttributeDefinition(name = "Location", required = false, description = "e.g. Building A, room 0.12")
    String location() default "";

    @AttributeDefinition(name = "Groups", required = false,
            description = "Groups this mirror belongs to, e.g. building-a, library (letters, digits, '-', '_')")
    String[] groups() default {};

    @AttributeDefinition(name = "User", required = false, description = "The broker user of this mirror")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "The broker password of this mirror (never shown again)")
    String _password() default "";

    @AttributeDefinition(name = "CA certificate", required = false,
            description = "PEM file of the CA that signed the broker's certificate (mqtts); empty: the JVM's CAs")
    String ca_certificate() default "";

    @AttributeDefinition(name = "Client certificate", required = false,
            description = "PKCS12 file with this mirror's certificate and key, if the broker asks for one")
    String client_keystore() default "";

    @AttributeDefinition(name = "Client certificate password", type = AttributeType.PASSWORD, required = false,
            description = "The password of that PKCS12 file")
    String _client_keystore_password() default "";

    @AttributeDefinition(name = "Topic prefix", description = "The first level of every fleet topic")
    String topic_prefix() default "campusmirror";

    @AttributeDefinition(name = "Keep-alive (seconds)",
            description = "The broker announces a vanished mirror as offline after 1.5 times this (2-600)")
    int keepalive_seconds() default 30;

    @AttributeDefinition(name = "Status every (seconds)", description = "How often the status is refreshed (5-3600)")
    int status_seconds() default 60;

    @AttributeDefinition(name = "Longest wait before reconnecting (seconds)",
            description = "Reconnects back off from 1 s, doubling, up to this (1-3600)")
    int reconnect_max_seconds() default 60;

    @AttributeDefinition(name = "Accept unsigned announcements",
            description = "Announcements without the fleet's signature are shown (a signed one with a bad signature "
                    + "is always refused)")
    boolean accept_unsigned_announcements() default true;

    @AttributeDefinition(name = "Fleet public key", required = false,
            description = "Ed25519 public key of the fleet (Base64 X.509 form, shown on the Fleet console page of the "
                    + "managing mirror); without it every configuration and rollout is refused")
    String fleet_public_key() default "";

    @AttributeDefinition(name = "Largest rollout (MiB)", description = "A widget bundle larger than this is refused")
    int rollout_max_mib() default 32;
}
