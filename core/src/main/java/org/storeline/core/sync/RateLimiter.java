package org.storeline.core.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the requests to one channel within its platform's {@link RateBudget}, strictly: for each window of N requests
 * per P, no interval of length P ever holds more than N requests (an interval {@code [t, t + P)}: two requests exactly
 * P apart are in different ones). Each window keeps a log of the last N send times it was charged; a request may go at
 * {@code s} when the N-th most recent of them, counting the ones going with it, is at least P before {@code s}. A
 * token bucket would not do: a full bucket plus one window's refill lets twice the window through in one window's
 * length, which the platforms count as over.
 *
 * <p>On top of the windows, a pause the platform itself asked for (429 with {@code Retry-After}). A caller asks
 * {@link #waitFor how long} to wait, waits, then {@link #take takes} its requests; {@link #reserve} does both halves
 * at once, taking the requests at the time they will go, so that callers on several threads cannot both see the same
 * room; {@link #answered} then counts them from when their answer came, the latest they can have reached the
 * platform. Requests are taken in order: none is charged before one already taken. Times are {@link System#nanoTime()}
 * readings, passed in so that tests need no clock. Thread-safe.
 */
public final class RateLimiter {
    private final List<Log> logs;
    private final ReentrantLock turn = new ReentrantLock();
    private long pausedUntil;
    private boolean paused;
    private long last;
    private boolean any;

    public RateLimiter(RateBudget budget, long now) {
        this.logs = budget.windows().stream().map(Log::new).toList();
        this.last = now;
    }

    /**
     * A limiter that carries on from another one of the same channel (in another process): it starts charged with the
     * requests {@code past} (send times, oldest first, as {@link #recent} gave them) and, when {@code spentUntil} is
     * present, with every window full at that time (the other one may have sent requests it never told of, up to
     * then), so that no window holds more than its budget across the handover.
     */
    public RateLimiter(RateBudget budget, long now, List<Long> past, OptionalLong spentUntil) {
        this(budget, now);
        past.forEach(at -> take(1, at));
        spentUntil.ifPresent(at -> take(Integer.MAX_VALUE, at));
    }

    /**
     * The send times that still count in some window at {@code now}, oldest first: the last N of the window that keeps
     * the most (its log holds every later time any other window keeps), less those older than the longest window.
     * Enough for another limiter to carry on from ({@link #RateLimiter(RateBudget, long, List, OptionalLong)}).
     */
    public synchronized List<Long> recent(long now) {
        List<Long> recent = new ArrayList<>();
        Log longest = null;
        long period = 0;
        for (Log log : logs) {
            longest = longest == null || log.limit > longest.limit ? log : longest;
            period = Math.max(period, log.period);
        }
        if (longest == null) {
            return recent;
        }
        for (int i = 0; i < longest.size; i++) {
            long at = longest.at(i);
            if (at - (now - period) > 0) {
                recent.add(at);
            }
        }
        return recent;
    }

    /** How long to wait before {@code requests} more may go: the pause left, or until every window has room. */
    public synchronized Duration waitFor(int requests, long now) {
        return Duration.ofNanos(earliest(requests, now) - now);
    }

    /**
     * Charges {@code requests} made now (or about to be), however many the windows hold already (a debt: the next
     * ones wait until a whole window has passed since them).
     */
    public synchronized void take(int requests, long now) {
        charge(requests, any && last - now > 0 ? last : now);
    }

    /**
     * How long to wait before {@code requests} may go; unless that is longer than {@code longest}, they are taken at
     * the time they will go, and the caller then waits that long and sends them.
     */
    public synchronized Duration reserve(int requests, long now, Duration longest) {
        long at = earliest(requests, now);
        Duration wait = Duration.ofNanos(at - now);
        if (wait.compareTo(longest) <= 0) {
            charge(requests, at);
        }
        return wait;
    }

    /**
     * The {@code requests} taken at {@code takenAt} were answered at {@code answeredAt}: they count from then. The
     * platform counts a request when it arrives, which is some time after Storeline meant to send it (a sleep that
     * overran, a connection to open) and before the answer came; counting from the answer, the next request a window
     * later cannot arrive within a window of it, however late this one arrived.
     */
    public synchronized void answered(int requests, long takenAt, long answeredAt) {
        if (answeredAt - takenAt <= 0) {
            return;
        }
        for (Log log : logs) {
            log.move(requests, takenAt, answeredAt);
        }
        if (last - answeredAt < 0) {
            last = answeredAt;
        }
    }

    /** The platform asked for a pause (429 with {@code Retry-After}): no request before it is over. */
    public synchronized void pause(Duration duration, long now) {
        long until = now + duration.toNanos();
        if (!paused || until - pausedUntil > 0) {
            pausedUntil = until;
            paused = true;
        }
    }

    /** The requests that could go now in the tightest window (0 while paused); -1 when the budget has no window. */
    public synchronized long left(long now) {
        if (logs.isEmpty()) {
            return -1;
        }
        if (paused && pausedUntil - now > 0) {
            return 0;
        }
        long left = Long.MAX_VALUE;
        for (Log log : logs) {
            left = Math.min(left, log.left(now));
        }
        return left;
    }

    /**
     * How full the fullest window longer than {@code longerThan} is at {@code now}: the share of its budget spent
     * within its length, from 0 to 1 (0 when there is no such window). Shorter windows are left out by the caller's
     * choice: one that empties within a second says nothing about how long the budget will last.
     */
    public synchronized double pressure(long now, Duration longerThan) {
        double pressure = 0;
        for (Log log : logs) {
            if (log.period > longerThan.toNanos()) {
                pressure = Math.max(pressure, (double) (log.limit - log.left(now)) / log.limit);
            }
        }
        return pressure;
    }

    /**
     * Waits up to {@code longest} until no other request to the channel is under way, then answers true: the caller's
     * request is under way until it calls {@link #endTurn}, on the same thread. False when the wait ran out (or was
     * interrupted). A request is charged from its answer ({@link #answered}), and one unanswered may reach the
     * platform any time before then: with two under way at once, more than a window's budget could land in it.
     */
    public boolean takeTurn(Duration longest) {
        try {
            return turn.tryLock(longest.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The request this thread took its turn for came back (or was not sent): the next may go. */
    public void endTurn() {
        if (turn.isHeldByCurrentThread()) {
            turn.unlock();
        }
    }

    private long earliest(int requests, long now) {
        long at = now;
        if (paused && pausedUntil - at > 0) {
            at = pausedUntil;
        }
        if (any && last - at > 0) {
            at = last;
        }
        for (Log log : logs) {
            at = log.earliest(requests, at);
        }
        return at;
    }

    private void charge(int requests, long at) {
        for (Log log : logs) {
            log.add(requests, at);
        }
        last = at;
        any = true;
    }

    /**
     * One window's log: the last N times charged, oldest first, in a ring. Older ones cannot matter: a request needs
     * only the N-th most recent to be a window old.
     */
    private static final class Log {
        private final int limit;
        private final long period;
        private final long[] times;
        private int oldest;
        private int size;

        Log(RateBudget.Window window) {
            this.limit = window.requests();
            this.period = window.per().toNanos();
            this.times = new long[limit];
        }

        /**
         * The earliest time from {@code from} (not before any time logged) at which {@code requests} more may go: when
         * at most N - requests logged are less than P before it. More than N at once go when the last logged is a
         * window old.
         */
        long earliest(int requests, long from) {
            int mayStay = limit - Math.min(requests, limit);
            if (size <= mayStay) {
                return from;
            }
            long allowed = at(size - mayStay - 1) + period;
            return allowed - from > 0 ? allowed : from;
        }

        void add(int requests, long at) {
            for (int i = 0; i < Math.min(requests, limit); i++) {
                if (size == limit) {
                    times[oldest] = at;
                    oldest = (oldest + 1) % limit;
                } else {
                    times[(oldest + size) % limit] = at;
                    size++;
                }
            }
        }

        /** Moves up to {@code requests} of the times logged at {@code from} to the later {@code to}, kept in order. */
        void move(int requests, long from, long to) {
            int moved = 0;
            for (int i = size - 1; i >= 0 && moved < requests; i--) {
                if (at(i) == from) {
                    set(i, to);
                    moved++;
                    for (int j = i; j + 1 < size && at(j + 1) - at(j) < 0; j++) {
                        long later = at(j + 1);
                        set(j + 1, at(j));
                        set(j, later);
                    }
                }
            }
        }

        long left(long now) {
            int recent = 0;
            for (int i = 0; i < size; i++) {
                if (at(i) - (now - period) > 0) {
                    recent++;
                }
            }
            return Math.max(0, limit - recent);
        }

        private long at(int index) {
            return times[(oldest + index) % limit];
        }

        private void set(int index, long time) {
            times[(oldest + index) % limit] = time;
        }
    }
}
