package org.campusmirror.mirror.widgets.announcements.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.campusmirror.mirror.runtime.AlertEvents;
import org.campusmirror.mirror.runtime.WidgetRefreshEvents;
import org.campusmirror.mirror.widgets.announcements.Announcement;
import org.campusmirror.mirror.widgets.announcements.AnnouncementBoard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AnnouncementBoard} service of this mirror. Urgent announcements become alerts through Event Admin
 * ({@link AlertEvents}); without Event Admin they still show in the ticker, and a warning is logged. Every change
 * asks the runtime to refresh the announcements widgets at once ({@link WidgetRefreshEvents}), so the ticker shows
 * it within a second, not at its next refresh.
 */
@Component(service = {AnnouncementBoard.class, BoardService.class}, immediate = true)
public final class BoardService implements AnnouncementBoard {
    private static final Logger LOG = LoggerFactory.getLogger(BoardService.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    private final ScheduledExecutorService timers;
    private final Board board;

    @Activate
    public BoardService() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("announcement-alerts");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timers = executor;
        this.board = new Board(Clock.systemUTC(), timers, this::post);
    }

    @Deactivate
    void deactivate() {
        board.close();
        timers.shutdownNow();
    }

    private void post(Map<String, Object> properties) {
        EventAdmin admin = eventAdmin;
        if (admin == null) {
            LOG.warn("Event Admin is not running: alert {} not sent", properties.get(AlertEvents.ID));
            return;
        }
        admin.postEvent(new Event(AlertEvents.TOPIC, properties));
    }

    /** Refresh requests go out after the board changed: the widget reads the new state. */
    private void changed() {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(WidgetRefreshEvents.TOPIC,
                    Map.of(WidgetRefreshEvents.KIND, AnnouncementsWidget.KIND)));
        }
    }

    @Override
    public void publish(Announcement announcement) {
        board.publish(announcement);
        changed();
    }

    @Override
    public void withdraw(String id) {
        board.withdraw(id);
        changed();
    }

    @Override
    public List<Announcement> active(Instant now) {
        return board.active(now);
    }

    @Override
    public List<Announcement> all() {
        return board.all();
    }

    void invalid(String id, String reason) {
        board.invalid(id, reason);
        changed();
    }

    List<String> problems() {
        return board.problems();
    }
}
