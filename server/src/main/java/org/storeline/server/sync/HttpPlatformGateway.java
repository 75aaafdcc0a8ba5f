package org.storeline.server.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.ChannelOutbound;
import org.storeline.channels.api.Connectors;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.RequestPacing;
import org.storeline.core.channel.Channel;
import org.storeline.core.error.StorelineException;
import org.storeline.core.sync.Listing;
import org.storeline.core.sync.PlatformCall;
import org.storeline.core.sync.PlatformGateway;
import org.storeline.core.sync.PriceChange;
import org.storeline.core.sync.RateLimiter;
import org.storeline.core.sync.SendFailure;
import org.storeline.core.sync.StatusChange;
import org.storeline.core.sync.StockLevel;

/**
 * The platforms, as the sync sender calls them: each platform module's {@link ChannelOutbound}, with the channel's
 * decrypted connection. Every HTTP request a module's operation makes first waits its turn in the channel's
 * {@link RateLimits rate budget} (a wait longer than {@code longestWait} is not waited: the request is not sent and the
 * call fails as unavailable until then, so a worker never sleeps through its lease); within a round's
 * {@link #within deadline}, no request starts whose answer could come after it; a 429 or 503 with {@code Retry-After}
 * pauses the channel in this process; a failure becomes a {@link SendFailure}.
 */
public final class HttpPlatformGateway implements PlatformGateway {
    private static final Logger LOG = LoggerFactory.getLogger(HttpPlatformGateway.class);

    private final Connectors connectors;
    private final RateLimits limits;
    private final Duration longestWait;
    /** The deadline of the round this thread runs ({@link #within}), as a {@link System#nanoTime()} reading. */
    private final ThreadLocal<Long> deadline = new ThreadLocal<>();

    public HttpPlatformGateway(Connectors connectors, RateLimits limits, Duration longestWait) {
        this.connectors = connectors;
        this.limits = limits;
        this.longestWait = longestWait;
    }

    @Override
    public boolean sends(Channel channel) {
        return outbound(channel).isPresent();
    }

    private Optional<ChannelOutbound> outbound(Channel channel) {
        return connectors.of(channel.platform()).outbound();
    }

    @Override
    public Map<String, Listing> findListings(Channel channel, Collection<String> skus) {
        return call(channel, (outbound, connection) -> outbound.findListings(skus, connection));
    }

    @Override
    public Map<Listing, Long> readStockLevels(Channel channel, List<Listing> listings) {
        return call(channel, (outbound, connection) -> outbound.readStockLevels(listings, connection));
    }

    @Override
    public List<PlatformCall> setStockLevels(Channel channel, List<StockLevel> levels) {
        return call(channel, (outbound, connection) -> outbound.setStockLevels(levels, connection));
    }

    @Override
    public List<PlatformCall> setPrices(Channel channel, List<PriceChange> prices) {
        return call(channel, (outbound, connection) -> outbound.setPrices(prices, connection));
    }

    @Override
    public List<PlatformCall> sendStatus(Channel channel, StatusChange change) {
        return call(channel, (outbound, connection) -> outbound.sendStatus(change, connection));
    }

    /**
     * A thread-local, as {@link RequestPacing}'s pacer is: the sender's round makes its calls on one thread, and the
     * deadline reaches every request of every call without each port method taking it.
     */
    @Override
    public <T> T within(Instant until, Supplier<T> calls) {
        Long outer = deadline.get();
        deadline.set(System.nanoTime() + Duration.between(Instant.now(), until).toNanos());
        try {
            return calls.get();
        } finally {
            if (outer == null) {
                deadline.remove();
            } else {
                deadline.set(outer);
            }
        }
    }

    private interface Call<T> {
        T make(ChannelOutbound outbound, ChannelConnection connection);
    }

    /**
     * Makes the module's operation with every request it sends paced by the channel's limiter ({@link RequestPacing}):
     * each waits for its turn, and is charged, before it goes, however many the operation makes.
     */
    private <T> T call(Channel channel, Call<T> call) {
        ChannelOutbound outbound = outbound(channel)
                .orElseThrow(() -> failed(SendFailure.Kind.REFUSED, "nothing is sent to this platform yet", null));
        RateLimiter limiter = limits.of(channel.id(), outbound.budget());
        Long until = deadline.get();
        Pacer pacer = new Pacer(limiter, longestWait, until == null ? OptionalLong.empty() : OptionalLong.of(until));
        try {
            return RequestPacing.during(pacer, () -> call.make(outbound, Connectors.connection(channel)));
        } catch (PlatformCallException e) {
            if (pacer.outOfTime) {
                throw new SyncCallFailed(
                        new SendFailure(SendFailure.Kind.OUT_OF_TIME, e.getMessage(), 0, Optional.empty()),
                        e.madeBefore(),
                        e);
            }
            if (!e.notSent()) {
                e.retryAfter().ifPresent(pause -> limiter.pause(pause, System.nanoTime()));
            }
            // The requests made before the failing one took effect: the activity log shows them too.
            throw new SyncCallFailed(
                    new SendFailure(kindOf(e), e.getMessage(), e.status(), e.retryAfter(), e.request()),
                    e.madeBefore(),
                    e);
        } catch (StorelineException e) {
            // The channel's own settings (a credential missing): said as it is, and final until fixed.
            throw failed(SendFailure.Kind.REFUSED, e.getMessage(), e);
        } catch (RuntimeException e) {
            LOG.error("Sending to channel {} failed unexpectedly", channel.id(), e);
            throw failed(SendFailure.Kind.REFUSED, Failures.describe(e), e);
        }
    }

    /**
     * Runs a platform operation other than a sync call (registering webhooks when a channel is linked) paced by the
     * channel's limiter, so that the store counts it in the same budget as the stock, prices and status sent: each
     * request waits its turn (up to {@code longest}, else it is not sent) and is charged like theirs.
     */
    static <T> T paced(RateLimiter limiter, Duration longest, Supplier<T> operation) {
        return RequestPacing.during(new Pacer(limiter, longest, OptionalLong.empty()), operation);
    }

    /**
     * Before each request: waits its turn in {@code limiter} and takes it; a turn further away than {@code longest}
     * is not waited for (a worker must not sleep through its lease): the request is not sent, and the operation fails
     * as unavailable until then, with the requests it made before. Nor is a request sent whose turn plus
     * {@code longest} (its timeout) ends after the round's {@code deadline}: the operation then fails as out of time.
     * Once its answer came, the request counts from then ({@link RateLimiter#answered}). One pacer per operation, used
     * by its one thread.
     *
     * <p>A request waits, too, until no other request to the channel is under way ({@link RateLimiter#takeTurn}): a
     * request is charged from its answer, and one still unanswered may reach the platform any time before then, so
     * two under way at once (a new channel's webhook registration beside its first stock push) could land in one
     * window with more than the limiter let through. Seen in the tests: WooCommerce's store counted 6 requests in a
     * second against its 5.
     */
    static final class Pacer implements RequestPacing.Pacer {
        private final RateLimiter limiter;
        private final Duration longest;
        private final OptionalLong deadline;
        private long takenAt;
        private boolean outOfTime;

        Pacer(RateLimiter limiter, Duration longest, OptionalLong deadline) {
            this.limiter = limiter;
            this.longest = longest;
            this.deadline = deadline;
        }

        @Override
        public void beforeSending(int weight, String what) {
            Duration mayWait = mayWait(System.nanoTime());
            if (!mayWait.isNegative() && !limiter.takeTurn(mayWait)) {
                throw PlatformCallException.notSent(
                        what + ": another request to this channel was under way for too long; not sent", Duration.ZERO);
            }
            try {
                reserve(weight, what);
            } catch (RuntimeException e) {
                limiter.endTurn();
                throw e;
            }
        }

        private Duration mayWait(long now) {
            Duration mayWait = longest;
            if (deadline.isPresent()) {
                Duration left = Duration.ofNanos(deadline.getAsLong() - now).minus(longest);
                mayWait = left.compareTo(mayWait) < 0 ? left : mayWait;
            }
            return mayWait;
        }

        private void reserve(int weight, String what) {
            long now = System.nanoTime();
            Duration mayWait = mayWait(now);
            Duration wait = mayWait.isNegative() ? Duration.ofDays(1) : limiter.reserve(weight, now, mayWait);
            if (wait.compareTo(mayWait) > 0) {
                if (wait.compareTo(longest) <= 0 || mayWait.isNegative()) {
                    outOfTime = true;
                    throw PlatformCallException.notSent(
                            what + ": not sent, as its answer could come after this round's claim ends; released to"
                                    + " be sent again",
                            Duration.ZERO);
                }
                throw PlatformCallException.notSent(
                        what + ": the channel's rate budget is spent, or the platform asked for a pause; not"
                                + " sent before " + wait.toSeconds() + " s",
                        wait);
            }
            takenAt = now + wait.toNanos();
            sleep(wait);
        }

        @Override
        public void answered(int weight) {
            limiter.answered(weight, takenAt, System.nanoTime());
            limiter.endTurn();
        }
    }

    static SendFailure.Kind kindOf(PlatformCallException e) {
        if (e.notSent()) {
            return SendFailure.Kind.UNAVAILABLE;
        }
        if (!e.retryable()) {
            return SendFailure.Kind.REFUSED;
        }
        if (e.outcomeUnknown()) {
            return SendFailure.Kind.TIMED_OUT;
        }
        return e.status() > 0 ? SendFailure.Kind.UNAVAILABLE : SendFailure.Kind.UNREACHABLE;
    }

    private static SyncCallFailed failed(SendFailure.Kind kind, String message, Throwable cause) {
        return failed(kind, message, cause, 0, Optional.empty());
    }

    private static SyncCallFailed failed(
            SendFailure.Kind kind, String message, Throwable cause, int status, Optional<Duration> retryAfter) {
        return new SyncCallFailed(new SendFailure(kind, message, status, retryAfter), cause);
    }

    private static void sleep(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PlatformCallException.unreachable("interrupted while waiting for the channel's rate budget", e);
        }
    }
}
