package org.campusmirror.itest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The test's own MQTT 5 client (Eclipse Paho, as in the mirror), over TLS with a broker user: publishes what the
 * fleet's admin would, and records every message on the topics it subscribes to, with the time it arrived.
 */
final class MqttProbe implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message as it arrived. */
    record Received(String topic, String payload, boolean retained, long nanos) {
        JsonNode json() {
            try {
                return JSON.readTree(payload);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON on " + topic + ": " + payload, e);
            }
        }
    }

    private static final long WAIT_MILLIS = 10_000;
    private final MqttAsyncClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Received> latest = new ConcurrentHashMap<>();

    MqttProbe(Mosquitto broker, FleetPki pki, String user, String password, String clientId) throws Exception {
        client = new MqttAsyncClient("ssl://127.0.0.1:" + broker.port(), clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String topic, MqttMessage message) {
                Received one = new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                        message.isRetained(), System.nanoTime());
                received.add(one);
                latest.put(topic, one);
            }

            @Override
            public void disconnected(MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setSocketFactory(pki.clientContext().getSocketFactory());
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(10);
        client.connect(options).waitForCompletion(WAIT_MILLIS);
    }

    /** Subscribes with QoS 1 and returns the broker's reason codes (0-2 granted, 135 not authorized). */
    int[] subscribe(String... filters) throws MqttException {
        MqttSubscription[] subscriptions = new MqttSubscription[filters.length];
        for (int i = 0; i < filters.length; i++) {
            subscriptions[i] = new MqttSubscription(filters[i], 1);
        }
        IMqttToken token = client.subscribe(subscriptions);
        token.waitForCompletion(WAIT_MILLIS);
        return token.getReasonCodes();
    }

    /** Publishes with QoS 1 and returns the broker's reason code from the PUBACK (0 success, 135 not authorized). */
    int publish(String topic, byte[] payload, boolean retained) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(retained);
        IMqttToken token = client.publish(topic, message);
        token.waitForCompletion(WAIT_MILLIS);
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    int publish(String topic, String payload, boolean retained) throws MqttException {
        return publish(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
    }

    Received latest(String topic) {
        return latest.get(topic);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    boolean connected() {
        return client.isConnected();
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(WAIT_MILLIS);
            }
            client.close(true);
        } catch (MqttException e) {
            // the broker may be gone already
        }
    }
}
