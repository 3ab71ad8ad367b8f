package org.campusmirror.mirror.runtime.internal.widgets;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.campusmirror.mirror.runtime.internal.display.Tile;
import org.campusmirror.mirror.runtime.internal.display.TileState;
import org.campusmirror.mirror.widget.ViewModel;
import org.campusmirror.mirror.widget.Widget;

/**
 * One tracked widget service and what its refreshes did: the tile's state machine.
 * <ul>
 * <li>no data yet: loading; data from the offline cache: stale until the first good refresh;</li>
 * <li>new data: ok;</li>
 * <li>source unavailable, or a refresh past its timeout: stale with the last good data, else error;</li>
 * <li>misconfigured or a bug: error (the data is not shown).</li>
 * </ul>
 * Synchronized: the refresh listener writes, the console reads.
 */
final class WidgetEntry {
    final Widget widget;
    final WidgetDescriptor descriptor;
    final String bundle;
    final String renderer;
    final long generation;
    private ViewModel lastGood;
    private String lastGoodJson;
    private boolean fromCache;
    private TileState state;
    private String error;
    private Instant lastRefresh;
    private Instant lastSuccess;
    private String lastError;
    private Instant lastErrorAt;
    private Instant runningSince;
    /** Its refreshes run past the timeout (and those that return late fail): logged once, not each time. */
    private boolean hanging;

    WidgetEntry(Widget widget, WidgetDescriptor descriptor, String bundle, String renderer, long generation) {
        this.widget = widget;
        this.descriptor = descriptor;
        this.bundle = bundle;
        this.renderer = renderer;
        this.generation = generation;
        if (descriptor.problems().isEmpty()) {
            state = TileState.LOADING;
        } else {
            state = TileState.ERROR;
            error = String.join("; ", descriptor.problems());
            lastError = error;
        }
    }

    String id() {
        return descriptor.id();
    }

    /** Starts with cached data: shown stale until a refresh brings new data. */
    synchronized void restore(WidgetCache.Entry cached) {
        if (state == TileState.LOADING) {
            lastGood = new ViewModel(cached.data(), cached.asOf());
            lastGoodJson = cached.dataJson();
            fromCache = true;
            state = TileState.STALE;
        }
    }

    synchronized Optional<ViewModel> lastGood() {
        return Optional.ofNullable(lastGood);
    }

    synchronized void finished(RefreshOutcome outcome, Instant ended, boolean late) {
        lastRefresh = ended;
        runningSince = null;
        hanging = late && !(outcome instanceof RefreshOutcome.Fresh);
        if (outcome instanceof RefreshOutcome.Fresh fresh) {
            lastGood = fresh.model();
            lastGoodJson = fresh.json();
            fromCache = false;
            lastSuccess = ended;
            state = TileState.OK;
            error = null;
        } else if (late || outcome instanceof RefreshOutcome.Unavailable) {
            // A late failure is mostly our own interrupt: the widget hung, which is a source problem.
            String message = late ? "refresh hung, then failed: " + message(outcome) : message(outcome);
            failed(lastGood != null ? TileState.STALE : TileState.ERROR, message, ended);
        } else {
            failed(TileState.ERROR, message(outcome), ended);
        }
    }

    /** A refresh ran past its timeout; returns whether that is news (it was not hanging already). */
    synchronized boolean overdue(Instant started, Duration timeout) {
        boolean news = !hanging;
        hanging = true;
        runningSince = started;
        failed(lastGood != null ? TileState.STALE : TileState.ERROR,
                "no answer within " + timeout.toSeconds() + " s", started.plus(timeout));
        return news;
    }

    synchronized void notStarted(String reason, Instant at) {
        failed(lastGood != null ? TileState.STALE : TileState.ERROR, reason, at);
    }

    synchronized Tile tile() {
        boolean showsData = state == TileState.OK || state == TileState.STALE;
        return new Tile(descriptor.id(), descriptor.kind(), descriptor.title(), descriptor.region().id(),
                descriptor.pages(), state, state == TileState.OK ? null : error,
                showsData && lastGood != null ? lastGood.asOf() : null, showsData ? lastGoodJson : null, renderer);
    }

    synchronized WidgetStatus status() {
        return new WidgetStatus(descriptor, bundle, state, error, lastGood == null ? null : lastGood.asOf(), fromCache,
                lastRefresh, lastSuccess, lastError, lastErrorAt, runningSince, true);
    }

    private void failed(TileState newState, String message, Instant at) {
        state = newState;
        error = message;
        lastError = message;
        lastErrorAt = at;
    }

    private static String message(RefreshOutcome outcome) {
        if (outcome instanceof RefreshOutcome.Unavailable unavailable) {
            return unavailable.message();
        } else if (outcome instanceof RefreshOutcome.Misconfigured misconfigured) {
            return misconfigured.message();
        } else if (outcome instanceof RefreshOutcome.Failed failed) {
            return failed.message();
        }
        return String.valueOf(outcome);
    }
}
