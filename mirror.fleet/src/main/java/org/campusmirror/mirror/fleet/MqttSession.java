package org.campusmirror.mirror.fleet;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One MQTT 5 session with the broker (Eclipse Paho): connect with the will (status {@code offline}, retained),
 * subscribe to the inbox's filters, and after any loss or failed attempt try again after a {@link Backoff} wait.
 * Paho's own automatic reconnect is off: it does not retry a first connect that fails, and a mirror must come up
 * while the broker is down. Every call returns at once; waits happen on the scheduler.
 */
final class MqttSession {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSession.class);
    /** The largest packet this mirror accepts; the broker does not send a larger one (MQTT 5 Maximum Packet Size). */
    static final long MAX_PACKET_BYTES = 256 * 1024;
    private static final int QOS = 1;
    private static final long STOP_WAIT_MILLIS = 2000;

    /** Where the session delivers; called on the scheduler's thread. */
    interface Inbox {
        List<String> filters();

        void connected();

        void message(String topic, byte[] payload, boolean retained);
    }

    private final FleetSettings settings;
    private final String mirrorId;
    private final ObjectMapper json;
    private final ScheduledExecutorService scheduler;
    private final Inbox inbox;
    private final Function<String, StatusMessage> status;
    private final Backoff backoff;
    private MqttAsyncClient client;
    private volatile boolean stopped;
    private boolean attemptPending;

    MqttSession(FleetSettings settings, String mirrorId, ObjectMapper json, ScheduledExecutorService scheduler,
            Inbox inbox, Function<String, StatusMessage> status) {
        this.settings = settings;
        this.mirrorId = mirrorId;
        this.json = json;
        this.scheduler = scheduler;
        this.inbox = inbox;
        this.status = status;
        this.backoff = new Backoff(settings.reconnectMax());
    }

    void start() throws IOException {
        try {
            client = new MqttAsyncClient(settings.pahoUri(), mirrorId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IOException("broker.url " + settings.brokerUrl() + ": " + e.getMessage(), e);
        }
        client.setCallback(new Callback());
        schedule(0);
    }

    boolean connected() {
        return client != null && client.isConnected();
    }

    void publish(String topic, byte[] payload, boolean retained) throws IOException {
        if (!connected()) {
            throw new IOException("not connected to the broker");
        }
        try {
            client.publish(topic, payload, QOS, retained);
        } catch (MqttException e) {
            throw new IOException("publishing on " + topic + " failed: " + e.getMessage(), e);
        }
    }

    /** Publishes when connected; otherwise (or on failure) logs and drops it: statuses and events are of the moment. */
    void publishQuietly(String topic, byte[] payload, boolean retained) {
        try {
            publish(topic, payload, retained);
        } catch (IOException e) {
            LOG.debug("Fleet: {}", e.getMessage());
        }
    }

    void subscribe(List<String> filters) {
        if (!connected()) {
            return; // subscribed at the next connect
        }
        try {
            client.subscribe(filters.stream().map(f -> new MqttSubscription(f, QOS)).toArray(MqttSubscription[]::new));
        } catch (MqttException e) {
            LOG.warn("Fleet: subscribing to {} failed: {}", filters, e.getMessage());
        }
    }

    /** Publishes the final status (best effort, bounded) and closes the connection. */
    void stop(StatusMessage finalStatus) {
        stopped = true;
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.publish(settings.topics().status(mirrorId), finalStatus.json(json), QOS, true)
                        .waitForCompletion(STOP_WAIT_MILLIS);
                client.disconnect(STOP_WAIT_MILLIS).waitForCompletion(STOP_WAIT_MILLIS);
            }
        } catch (MqttException e) {
            LOG.debug("Fleet: leaving the broker: {}", e.getMessage());
        } finally {
            try {
                client.close(true);
            } catch (MqttException e) {
                LOG.debug("Fleet: closing the client: {}", e.getMessage());
            }
        }
    }

    private synchronized void schedule(long delayMillis) {
        if (stopped || attemptPending || scheduler.isShutdown()) {
            return;
        }
        attemptPending = true;
        scheduler.schedule(this::attempt, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void attempt() {
        synchronized (this) {
            attemptPending = false;
        }
        if (stopped || client.isConnected()) {
            return;
        }
        try {
            client.connect(options(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete follows.
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    retryAfterFailure(failure);
                }
            });
        } catch (MqttException | IOException | GeneralSecurityException | RuntimeException e) {
            retryAfterFailure(e);
        }
    }

    private void retryAfterFailure(Throwable failure) {
        long wait = backoff.next().toMillis();
        LOG.warn("Fleet: cannot reach the broker {} ({}); trying again in {} s", settings.brokerUrl(),
                failure.getMessage(), wait / 1000);
        schedule(wait);
    }

    private MqttConnectionOptions options() throws IOException, GeneralSecurityException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        options.setConnectionTimeout(10);
        options.setMaximumPacketSize(MAX_PACKET_BYTES);
        if (!settings.username().isEmpty()) {
            options.setUserName(settings.username());
            options.setPassword(new String(settings.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (settings.tls()) {
            options.setSocketFactory(BrokerTls.socketFactory(settings));
            options.setHttpsHostnameVerificationEnabled(true);
        }
        MqttMessage will = new MqttMessage(status.apply(StatusMessage.OFFLINE).json(json));
        will.setQos(QOS);
        will.setRetained(true);
        options.setWill(settings.topics().status(mirrorId), will);
        options.setWillMessageProperties(new MqttProperties());
        return options;
    }

    /** A task that logs what it throws: an executor would keep it in a future nobody reads. */
    static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Fleet: handling {} failed", what, e);
            }
        };
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (stopped) {
                return; // a connect that was under way when the fleet stopped; its scheduler is gone
            }
            backoff.reset();
            LOG.info("Fleet: connected to {} as {}", settings.brokerUrl(), mirrorId);
            scheduler.execute(guarded("connect", () -> {
                subscribe(inbox.filters());
                inbox.connected();
            }));
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            if (stopped) {
                return;
            }
            long wait = backoff.next().toMillis();
            LOG.warn("Fleet: lost the broker {} ({}); reconnecting in {} s", settings.brokerUrl(),
                    response.getReasonString() != null ? response.getReasonString()
                            : String.valueOf(response.getException()), wait / 1000);
            schedule(wait);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("Fleet: MQTT error: {}", exception.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            if (stopped) {
                return;
            }
            byte[] payload = message.getPayload();
            boolean retained = message.isRetained();
            scheduler.execute(guarded(topic, () -> inbox.message(topic, payload, retained)));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
