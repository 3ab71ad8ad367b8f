package org.campusmirror.mirror.fleet;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.campusmirror.mirror.fleet.trust.Sequences;
import org.campusmirror.mirror.runtime.MirrorHealth;
import org.campusmirror.mirror.widgets.announcements.AnnouncementBoard;
import org.campusmirror.mirror.widgets.http.HttpFetcher;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * This mirror in the fleet under one configuration ({@link FleetConfiguration}); {@link FleetConnector} makes a new
 * one for each saved configuration. Without a broker URL it does nothing. Otherwise: the cached announcements show
 * at once; the MQTT session ({@link MqttSession}) connects and reconnects with backoff; the status is published at
 * each connect and then every {@code status.seconds}; messages are handed to their handlers on the fleet's own
 * threads (Paho's callback thread never waits for a download).
 */
final class FleetMember {
    private static final Logger LOG = LoggerFactory.getLogger(FleetMember.class);
    /** How long after a (re)connect the retained announcements must have arrived. */
    static final Duration CATCH_UP_WINDOW = Duration.ofSeconds(3);
    /** How long after an applied configuration or rollout the status is published again. */
    static final Duration STATUS_AFTER_CHANGE = Duration.ofSeconds(5);

    private final Supplier<MirrorHealth> health;
    private final Supplier<AnnouncementBoard> board;
    private final BundleContext context;
    private final ConfigurationAdmin configurationAdmin;
    private final HttpFetcher fetcher;
    private final ObjectMapper json = new ObjectMapper();
    private final List<FleetLink.Watcher> watchers = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService scheduler;
    private ExecutorService worker;
    private FleetSettings settings;
    private MqttSession session;
    private FleetAnnouncements announcements;
    private SignedCommands commands;
    private ServiceRegistration<FleetLink> link;
    private String mirrorId;

    FleetMember(BundleContext context, FleetConfiguration config, ConfigurationAdmin configurationAdmin,
            HttpFetcher fetcher, Supplier<MirrorHealth> health, Supplier<AnnouncementBoard> board) {
        this.context = context;
        this.health = health;
        this.board = board;
        this.configurationAdmin = configurationAdmin;
        this.fetcher = fetcher;
        if (!FleetSettings.configured(config)) {
            LOG.info("Fleet: no broker configured; this mirror runs on its own");
            return;
        }
        try {
            settings = FleetSettings.read(config);
            Path folder = fleetFolder(context);
            mirrorId = MirrorIdentity.loadOrCreate(folder);
            scheduler = Executors.newSingleThreadScheduledExecutor(named("fleet"));
            worker = Executors.newSingleThreadExecutor(named("fleet-commands"));
            Sequences sequences = new Sequences(folder.resolve("sequences.json"), json);
            announcements = new FleetAnnouncements(folder.resolve(FleetAnnouncements.CACHE_FILE), json, board,
                    settings.acceptUnsigned(), this::fleetKey, sequences, this::report);
            commands = new SignedCommands(json, this::fleetKey, sequences, this::report, Clock.systemUTC());
            scheduler.execute(announcements::restoreCache);
            session = new MqttSession(settings, mirrorId, json, scheduler, new Inbox(), this::status);
            session.start();
            scheduler.scheduleAtFixedRate(MqttSession.guarded("status", this::publishStatus), settings.statusEvery().toMillis(),
                    settings.statusEvery().toMillis(), TimeUnit.MILLISECONDS);
            link = context.registerService(FleetLink.class, new Link(), null);
            LOG.info("Fleet: mirror {} ({}) joins {} in groups {}", mirrorId, settings.name(), settings.brokerUrl(),
                    settings.groups());
        } catch (IllegalArgumentException | IOException e) {
            LOG.error("Fleet: the configuration {} is not usable, this mirror runs on its own: {}",
                    FleetConfiguration.PID, e.getMessage());
            close();
        }
    }

    /** Leaves the broker (the final status says offline) and stops the fleet's threads. */
    void close() {
        if (link != null) {
            link.unregister();
            link = null;
        }
        if (session != null) {
            session.stop(status(StatusMessage.OFFLINE));
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    static Path fleetFolder(BundleContext context) {
        String home = context.getProperty("mirror.home");
        return Path.of(home == null || home.isBlank() ? "mirror-home" : home).resolve("fleet");
    }

    private PublicKey fleetKey() {
        return settings.fleetKey();
    }

    private StatusMessage status(String state) {
        MirrorHealth now = health.get();
        return new StatusMessage(state, mirrorId, context.getBundle().getVersion().toString(),
                Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()), settings.name(), settings.location(),
                settings.groups(), now == null ? null : now.now(), Clock.systemUTC().instant());
    }

    private void publishStatus() {
        session.publishQuietly(settings.topics().status(mirrorId), status(StatusMessage.ONLINE).json(json), true);
    }

    private void report(FleetEvent event) {
        session.publishQuietly(settings.topics().events(mirrorId), event.json(json, mirrorId), false);
        if (event.applied() && !scheduler.isShutdown()) {
            // A new configuration or widget changes the widget counts: say so once its first refresh is likely done.
            scheduler.schedule(MqttSession.guarded("status", this::publishStatus), STATUS_AFTER_CHANGE.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Where each received message goes. */
    private final class Inbox implements MqttSession.Inbox {
        @Override
        public List<String> filters() {
            Topics topics = settings.topics();
            List<String> filters = new java.util.ArrayList<>();
            for (String group : settings.groups()) {
                filters.add(topics.announce(group));
                filters.add(topics.configFilter(group));
                filters.add(topics.rollout(group));
            }
            if (!watchers.isEmpty()) {
                filters.add(topics.allStatuses());
                filters.add(topics.allEvents());
            }
            return filters;
        }

        @Override
        public void connected() {
            announcements.connected();
            publishStatus();
            scheduler.schedule(announcements::catchUpOver, CATCH_UP_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void message(String topic, byte[] payload, boolean retained) {
            Topics.Parsed parsed = settings.topics().parse(topic).orElse(null);
            if (parsed instanceof Topics.Announce announce) {
                announcements.received(topic, announce.group(), payload, retained);
            } else if (parsed instanceof Topics.Config config) {
                worker.execute(MqttSession.guarded(topic, () -> commands.received(topic, "config", payload, retained,
                        body -> ConfigCommand.apply(configurationAdmin, config.pid(), body))));
            } else if (parsed instanceof Topics.Rollout) {
                worker.execute(MqttSession.guarded(topic, () -> commands.received(topic, "rollout", payload, retained,
                        body -> RolloutCommand.apply(context, fetcher, settings.rolloutMaxBytes(), body))));
            } else if (parsed instanceof Topics.Status status) {
                watchers.forEach(w -> w.status(status.mirrorId(), payload));
            } else if (parsed instanceof Topics.Events events) {
                watchers.forEach(w -> w.event(events.mirrorId(), payload));
            } else {
                LOG.debug("Fleet: ignored a message on {}", topic);
            }
        }
    }

    private final class Link implements FleetLink {
        @Override
        public Topics topics() {
            return settings.topics();
        }

        @Override
        public String mirrorId() {
            return mirrorId;
        }

        @Override
        public boolean connected() {
            return session.connected();
        }

        @Override
        public void publish(String topic, byte[] payload, boolean retained) throws IOException {
            session.publish(topic, payload, retained);
        }

        @Override
        public void watch(Watcher watcher) {
            watchers.add(watcher);
            session.subscribe(List.of(settings.topics().allStatuses(), settings.topics().allEvents()));
        }

        @Override
        public void unwatch(Watcher watcher) {
            watchers.remove(watcher);
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Fleet: thread {} failed", t.getName(), e));
            return thread;
        };
    }
}
