package org.campusmirror.mirror.runtime.internal.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.campusmirror.mirror.runtime.internal.timing.ManualTimer;
import org.campusmirror.mirror.widget.ViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scheduler's promises with a hand-driven clock and real refresh threads. Waits are bounded (a broken scheduler
 * fails, it does not hang), and nothing is asserted about how long anything took.
 */
@Timeout(30)
class RefreshSchedulerTest {
    private static final Duration INTERVAL = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final long WAIT_SECONDS = 10;

    private record Event(String kind, String id, RefreshOutcome outcome, boolean late) {
    }

    private final ManualTimer timer = new ManualTimer(Instant.parse("2026-03-01T08:00:00Z"));
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final AtomicInteger executions = new AtomicInteger();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final RefreshScheduler.Listener listener = new RefreshScheduler.Listener() {
        @Override
        public void finished(String id, RefreshOutcome outcome, Instant started, Instant ended, boolean late) {
            events.add(new Event("finished", id, outcome, late));
        }

        @Override
        public void overdue(String id, Instant started, Duration timeout) {
            events.add(new Event("overdue", id, null, false));
        }

        @Override
        public void notStarted(String id, String reason) {
            events.add(new Event("notStarted", id, null, false));
        }
    };

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "refresh threads end");
    }

    private RefreshScheduler scheduler(int parallelism) {
        return new RefreshScheduler(parallelism, TIMEOUT, timer, timer.clock(), task -> {
            executions.incrementAndGet();
            pool.execute(task);
        }, listener);
    }

    private static RefreshOutcome fresh(String text) {
        return new RefreshOutcome.Fresh(ViewModel.of(text, Instant.EPOCH), "\"" + text + "\"");
    }

    private Event next() throws InterruptedException {
        Event event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(event, "an event within " + WAIT_SECONDS + " s");
        return event;
    }

    /** A job that blocks until released, and tells whether it was interrupted. */
    private static final class BlockingJob implements RefreshScheduler.Job {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean interrupted = new AtomicBoolean();
        final AtomicBoolean sawCancelled = new AtomicBoolean();
        final CountDownLatch left = new CountDownLatch(1);
        final boolean honoursInterrupt;

        BlockingJob(boolean honoursInterrupt) {
            this.honoursInterrupt = honoursInterrupt;
        }

        @Override
        public RefreshOutcome run(java.util.function.BooleanSupplier cancelled) {
            entered.countDown();
            try {
                while (true) {
                    try {
                        release.await();
                        return fresh("late");
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        sawCancelled.set(cancelled.getAsBoolean());
                        if (honoursInterrupt) {
                            return new RefreshOutcome.Unavailable("interrupted");
                        }
                    }
                }
            } finally {
                left.countDown();
            }
        }
    }

    @Test
    void refreshesAtOnceThenEveryInterval() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        RefreshScheduler scheduler = scheduler(2);
        scheduler.add("clock", cancelled -> fresh("call " + calls.incrementAndGet()), INTERVAL);
        timer.runDue();
        assertEquals(fresh("call 1").toString(), next().outcome().toString());
        awaitRunning(scheduler, 0);

        timer.advance(INTERVAL.minusSeconds(1));
        assertNull(events.poll(200, TimeUnit.MILLISECONDS), "not before the interval is over");
        timer.advance(Duration.ofSeconds(1));
        assertEquals(fresh("call 2").toString(), next().outcome().toString());
        assertEquals(2, calls.get());
    }

    @Test
    void hungRefreshIsGivenUpAtTimeoutHoldsOneThreadAndIsNotRunAgainUntilItReturns() throws InterruptedException {
        RefreshScheduler scheduler = scheduler(1);
        BlockingJob hung = hungPastTimeout(scheduler);
        assertTrue(waitFor(hung.interrupted), "the hung call is interrupted");
        assertTrue(hung.sawCancelled.get(), "and sees cancelled()");

        // Many intervals later it is still hung: it is not started a second time.
        timer.advance(INTERVAL.multipliedBy(5));
        assertEquals(1, executions.get(), "one thread for the hung widget, no second call");
        assertEquals(1, scheduler.running());

        // When it finally returns, its data counts, marked late, and the rhythm goes on.
        hung.release.countDown();
        Event late = next();
        assertEquals("finished", late.kind());
        assertTrue(late.late());
        assertInstanceOf(RefreshOutcome.Fresh.class, late.outcome());
        awaitRunning(scheduler, 0);
        timer.runDue();
        assertEquals(2, executions.get(), "refreshed again once it returned");
    }

    @Test
    void aHungWidgetHoldsUpNoOtherWidget() throws InterruptedException {
        RefreshScheduler scheduler = scheduler(1);
        BlockingJob hung = new BlockingJob(false);
        AtomicInteger others = new AtomicInteger();
        scheduler.add("hung", hung, INTERVAL);
        scheduler.add("other", cancelled -> fresh("other " + others.incrementAndGet()), INTERVAL);
        timer.runDue();
        assertTrue(hung.entered.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(1, executions.get(), "with one permit the other widget waits its turn");

        timer.advance(TIMEOUT);
        assertEquals("overdue", next().kind());
        Event other = next();
        assertEquals("other", other.id(), "the permit went to the waiting widget");
        awaitRunning(scheduler, 1);
        timer.advance(INTERVAL);
        assertEquals("other", next().id(), "and it keeps its rhythm while the hung one hangs");
        assertEquals(2, others.get());
        hung.release.countDown();
    }

    @Test
    void removedMidRefreshLeavesNothingBehind() throws InterruptedException {
        RefreshScheduler scheduler = scheduler(1);
        BlockingJob job = new BlockingJob(true);
        scheduler.add("going", job, INTERVAL);
        timer.runDue();
        assertTrue(job.entered.await(WAIT_SECONDS, TimeUnit.SECONDS));

        scheduler.remove("going");
        assertTrue(job.left.await(WAIT_SECONDS, TimeUnit.SECONDS), "the refresh thread is interrupted and leaves");
        assertTrue(job.interrupted.get());
        assertTrue(job.sawCancelled.get());
        timer.advance(INTERVAL.multipliedBy(3));
        assertNull(events.poll(300, TimeUnit.MILLISECONDS), "no result, no timeout, no new call after removal");
        assertEquals(1, executions.get());
        assertEquals(0, scheduler.running());
        assertEquals(0, timer.pending(), "no timer left for the removed widget");

        // The permit came back: another widget runs.
        scheduler.add("next", cancelled -> fresh("next"), INTERVAL);
        timer.runDue();
        assertEquals("next", next().id());
    }

    @Test
    void resultOfACallThatOutlivesItsRemovalIsDropped() throws InterruptedException {
        RefreshScheduler scheduler = scheduler(1);
        BlockingJob stubborn = new BlockingJob(false);
        scheduler.add("stubborn", stubborn, INTERVAL);
        timer.runDue();
        assertTrue(stubborn.entered.await(WAIT_SECONDS, TimeUnit.SECONDS));
        scheduler.remove("stubborn");
        stubborn.release.countDown();
        assertTrue(stubborn.left.await(WAIT_SECONDS, TimeUnit.SECONDS));
        timer.advance(INTERVAL);
        assertNull(events.poll(300, TimeUnit.MILLISECONDS), "the late result of a removed widget reaches nobody");
    }

    @Test
    void noThreadLeftMeansTriedAgainAfterTheInterval() throws InterruptedException {
        AtomicBoolean full = new AtomicBoolean(true);
        RefreshScheduler scheduler = new RefreshScheduler(1, TIMEOUT, timer, timer.clock(), task -> {
            if (full.get()) {
                throw new RejectedExecutionException("full");
            }
            pool.execute(task);
        }, listener);
        scheduler.add("w", cancelled -> fresh("ok"), INTERVAL);
        timer.runDue();
        assertEquals("notStarted", next().kind());
        awaitRunning(scheduler, 0);
        full.set(false);
        timer.advance(INTERVAL);
        assertEquals("finished", next().kind());
    }

    @Test
    void refreshNowRunsAnIdleWidgetAtOnce() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        RefreshScheduler scheduler = scheduler(1);
        scheduler.add("w", cancelled -> fresh("n" + calls.incrementAndGet()), INTERVAL);
        timer.runDue();
        next();
        awaitRunning(scheduler, 0);
        scheduler.refreshNow("w");
        assertEquals(fresh("n2").toString(), next().outcome().toString());
        assertFalse(events.poll(200, TimeUnit.MILLISECONDS) != null, "once");
    }

    @Test
    void refreshNowDuringACallRunsOnceMoreWhenItReturns() throws InterruptedException {
        BlockingJob first = new BlockingJob(false);
        AtomicInteger calls = new AtomicInteger();
        RefreshScheduler scheduler = scheduler(1);
        scheduler.add("w", cancelled -> calls.incrementAndGet() == 1 ? first.run(cancelled) : fresh("again"),
                INTERVAL);
        timer.runDue();
        assertTrue(first.entered.await(WAIT_SECONDS, TimeUnit.SECONDS));
        // The running call may have read the data before it changed: asked twice, it is refreshed once more.
        scheduler.refreshNow("w");
        scheduler.refreshNow("w");
        first.release.countDown();
        assertEquals(fresh("late").toString(), next().outcome().toString());
        assertEquals(fresh("again").toString(), next().outcome().toString(), "without waiting for the interval");
        assertNull(events.poll(300, TimeUnit.MILLISECONDS), "only once more");
        awaitRunning(scheduler, 0);
        timer.advance(INTERVAL);
        assertEquals("finished", next().kind(), "then on its interval again");
        assertEquals(3, calls.get());
    }

    @Test
    void aRefreshAskedWhileACallHangsIsNotRunAtOnceWhenItReturnsLate() throws InterruptedException {
        RefreshScheduler scheduler = scheduler(1);
        BlockingJob hung = hungPastTimeout(scheduler);
        scheduler.refreshNow("hung");
        hung.release.countDown();
        assertTrue(next().late());
        awaitRunning(scheduler, 0);
        timer.runDue();
        assertNull(events.poll(300, TimeUnit.MILLISECONDS), "a widget that hung waits its interval");
        assertEquals(1, executions.get());
        timer.advance(INTERVAL.minus(TIMEOUT));
        assertEquals("finished", next().kind());
        assertEquals(2, executions.get());
    }

    /** Adds widget "hung", whose call blocks until released, and runs it past its timeout. */
    private BlockingJob hungPastTimeout(RefreshScheduler scheduler) throws InterruptedException {
        BlockingJob hung = new BlockingJob(false);
        scheduler.add("hung", hung, INTERVAL);
        timer.runDue();
        assertTrue(hung.entered.await(WAIT_SECONDS, TimeUnit.SECONDS));
        timer.advance(TIMEOUT);
        assertEquals("overdue", next().kind());
        return hung;
    }

    /** Waits until {@code count} calls run; once seen, finished calls have scheduled their next turn. */
    private static void awaitRunning(RefreshScheduler scheduler, int count) throws InterruptedException {
        for (int i = 0; i < WAIT_SECONDS * 20 && scheduler.running() != count; i++) {
            Thread.sleep(50);
        }
        assertEquals(count, scheduler.running());
    }

    private static boolean waitFor(AtomicBoolean flag) throws InterruptedException {
        for (int i = 0; i < WAIT_SECONDS * 20 && !flag.get(); i++) {
            Thread.sleep(50);
        }
        return flag.get();
    }
}
