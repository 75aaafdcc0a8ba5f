package org.storeline.server.sync;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storeline.core.event.OutboxSignal;
import org.storeline.core.ids.Ids;
import org.storeline.core.sync.ChannelSenders;
import org.storeline.core.sync.SenderHandover;
import org.storeline.core.sync.StatusReader;
import org.storeline.core.sync.SyncSender;
import org.storeline.core.sync.SyncTasks;

/**
 * Sends the sync outbox, in every server process. One dispatcher thread reads new domain events into status tasks,
 * then hands each channel with due work to a virtual thread of its own, which claims up to a batch of that channel's
 * tasks and sends them. A channel is worked by one thread at a time in this process, so one busy or broken channel
 * (slow answers, a pause asked for by a 429) holds one virtual thread and never delays another channel; any number of
 * processes share the channels through the claims' {@code SKIP LOCKED} and leases.
 *
 * <p>Across processes, a channel is sent to by one process at a time ({@link ChannelSenders}): before each round the
 * thread takes or renews the channel's sender lease, and claims nothing unless it holds it; the round ends before the
 * lease does. A process that takes a channel over seeds its limiter with the history the previous holder left
 * ({@link SenderHandover}); after each round, and when the process stops, the limiter's recent requests are saved
 * with the lease for whoever comes next. So the channel's budget is one budget, however many processes there are.
 *
 * <p>A channel whose rate budget is spent, or runs low enough that its next round gathers more changes first
 * ({@link org.storeline.core.sync.Gathering}), is held back; the dispatcher looks again when the first of them may go.
 *
 * <p>It wakes when a task or a domain event is committed (PostgreSQL NOTIFY, through {@link OutboxSignal}) and when a
 * channel's sender finishes with more to do; otherwise it looks every {@link #POLL}, which is also how it finds tasks
 * due after a backoff and claims whose lease ran out. The NOTIFY is only a hint: without it (a transaction-pooling
 * proxy), changes still go within one poll.
 */
public final class SyncWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);
    /** How often it looks for due work when nothing woke it. */
    static final Duration POLL = Duration.ofMillis(250);

    private static final int MAX_CHANNELS = 10_000;

    private final SyncTasks tasks;
    private final ChannelSenders channelSenders;
    private final Duration hold;
    private final SyncSender sender;
    private final StatusReader statuses;
    private final RateLimits limits;
    private final OutboxSignal signal;
    private final Clock clock;
    private final String process = processName();
    private final AtomicLong claims = new AtomicLong();
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread dispatcher;
    private final Thread listener;
    private volatile boolean running = true;

    /**
     * @param hold how long a channel's sender lease lasts from each renewal: a round's claim and a call's answer (a
     *     shorter one would cut rounds short; a sender idle longer than this lets another process take the channel)
     */
    public SyncWorker(
            SyncTasks tasks,
            ChannelSenders channelSenders,
            Duration hold,
            SyncSender sender,
            StatusReader statuses,
            RateLimits limits,
            OutboxSignal signal,
            Clock clock) {
        this.tasks = tasks;
        this.channelSenders = channelSenders;
        this.hold = hold;
        this.sender = sender;
        this.statuses = statuses;
        this.limits = limits;
        this.signal = signal;
        this.clock = clock;
        this.dispatcher =
                Thread.ofPlatform().name("storeline-sync-worker").daemon().unstarted(this::dispatch);
        this.listener =
                Thread.ofPlatform().name("storeline-sync-listener").daemon().unstarted(this::listen);
    }

    public SyncWorker start() {
        listener.start();
        dispatcher.start();
        return this;
    }

    /** Who this worker is as a channel's sender ({@link ChannelSenders}): one name per worker. */
    public String senderName() {
        return process;
    }

    /** Look now rather than at the next poll. */
    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void dispatch() {
        while (running) {
            try {
                readStatuses();
                Instant now = clock.instant();
                Duration nextLook = POLL;
                for (SyncTasks.DueWork due : tasks.channelsWithDueWork(now, process, MAX_CHANNELS)) {
                    UUID channelId = due.channelId();
                    Duration holdBack = limits.holdBack(due, now);
                    if (!holdBack.isZero()) {
                        nextLook = holdBack.compareTo(nextLook) < 0 ? holdBack : nextLook;
                    } else if (busy.add(channelId)) {
                        senders.submit(() -> send(channelId));
                    }
                }
                wake.tryAcquire(Math.max(1, nextLook.toMillis()), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("The sync worker failed; it carries on in a second", e);
                pause();
            }
        }
    }

    /** New domain events into status tasks; a failure here never stops stock and prices from going out. */
    private void readStatuses() {
        try {
            statuses.readNew();
        } catch (RuntimeException e) {
            LOG.error("Reading domain events into status changes failed; it is tried again at the next poll", e);
        }
    }

    private void send(UUID channelId) {
        int claimed = 0;
        boolean holding = false;
        try {
            Instant now = clock.instant();
            Optional<ChannelSenders.Held> taken = channelSenders.take(channelId, process, now, now.plus(hold));
            if (taken.isEmpty()) {
                return; // another process sends to this channel
            }
            holding = true;
            held.add(channelId);
            if (!taken.get().continued()) {
                limits.handOver(channelId, SenderHandover.seed(taken.get(), Instant.now(), System.nanoTime()));
            }
            claimed = sender.sendDue(
                    channelId,
                    process + "/" + claims.incrementAndGet(),
                    taken.get().until());
        } catch (RuntimeException e) {
            // Its tasks stay claimed until the lease runs out, then go again.
            LOG.error("Sending the sync tasks of channel {} failed", channelId, e);
        } finally {
            if (holding) {
                save(channelId);
            }
            busy.remove(channelId);
            if (claimed == SyncSender.CLAIM_LIMIT) {
                wake();
            }
        }
    }

    /** The round is over: its requests go with the lease, for whoever takes the channel next. */
    private void save(UUID channelId) {
        try {
            channelSenders.save(channelId, process, limits.recent(channelId));
        } catch (RuntimeException e) {
            // The lease still says a round is under way: a successor takes the budget as spent until it ran out.
            LOG.warn("Saving the recent requests of channel {} failed", channelId, e);
        }
    }

    /**
     * The process stops: every channel it holds and is not sending to is given up now, so another process carries on
     * at once with its history. One a round was cut off in is left to run out: it may have sent requests nobody saved.
     */
    private void releaseHeld() {
        for (UUID channelId : held) {
            if (busy.contains(channelId)) {
                continue;
            }
            try {
                channelSenders.release(channelId, process, limits.recent(channelId), clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("Giving up channel {} failed; another process takes it when its lease runs out", channelId, e);
            }
        }
    }

    private void listen() {
        while (running) {
            try {
                if (signal.await(Duration.ofSeconds(1))) {
                    wake();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("The sync worker's wake-up listener failed; polling carries on", e);
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String processName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        // With a random part: two Storelines in one JVM (tests) are two senders, not one.
        return host + "-" + ProcessHandle.current().pid() + "-"
                + Ids.newId().toString().substring(24);
    }

    @Override
    public void close() {
        running = false;
        dispatcher.interrupt();
        listener.interrupt();
        senders.shutdownNow();
        try {
            dispatcher.join(10_000);
            listener.join(10_000);
            senders.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        releaseHeld();
        signal.close();
    }
}
