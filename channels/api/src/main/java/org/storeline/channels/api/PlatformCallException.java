package org.storeline.channels.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.storeline.core.sync.PlatformCall;

/**
 * A call to a platform's API that did not succeed, made by the factory that says what happened:
 * <ul>
 *   <li>{@link #refused}: the platform said no (401, 404, 422...), or would have: repeating the call is
 *       pointless;</li>
 *   <li>{@link #unavailable}: it answered that it cannot serve the call now (429, 5xx): the same call may work
 *       later;</li>
 *   <li>{@link #unreachable}: it did not answer at all (timeout, connection refused): the same call may work
 *       later;</li>
 *   <li>{@link #unreadable}: it answered something Storeline cannot read (not JSON, an order without its id or
 *       its total): the same answer would come again, so it is final.</li>
 * </ul>
 * An operation of several requests (read an order, then write it) adds the requests it made before the failing one
 * ({@link #after}): they took effect, and the activity log shows them with the failure.
 */
public class PlatformCallException extends RuntimeException {
    private final boolean retryable;
    private final int status;
    private final Optional<Duration> retryAfter;
    private final boolean outcomeUnknown;
    private final boolean notSent;
    private final List<PlatformCall> madeBefore = new ArrayList<>();
    /** The request that failed ({@code "POST /wp-json/wc/v3/products/batch"}), where it was made. */
    private Optional<String> request = Optional.empty();

    /** For {@link UnreadableFieldException}, which is an unreadable answer that names its field. */
    protected PlatformCallException(String message, boolean retryable, int status, Throwable cause) {
        this(message, retryable, status, cause, Optional.empty(), false, false);
    }

    private PlatformCallException(
            String message,
            boolean retryable,
            int status,
            Throwable cause,
            Optional<Duration> retryAfter,
            boolean outcomeUnknown,
            boolean notSent) {
        super(message, cause);
        this.notSent = notSent;
        this.retryable = retryable;
        this.status = status;
        this.retryAfter = retryAfter;
        this.outcomeUnknown = outcomeUnknown;
    }

    /**
     * The platform answered {@code status} and said no. {@code status} is 0 when Storeline refuses a call the
     * platform could only refuse (an order id of the wrong shape) without making it.
     */
    public static PlatformCallException refused(String message, int status) {
        return new PlatformCallException(message, false, status, null);
    }

    /** The platform answered {@code status} (429, 5xx): it cannot serve the call now; later it may. */
    public static PlatformCallException unavailable(String message, int status) {
        return new PlatformCallException(message, true, status, null);
    }

    /** As {@link #unavailable(String, int)}, when the platform said how long to wait ({@code Retry-After}). */
    public static PlatformCallException unavailable(String message, int status, Optional<Duration> retryAfter) {
        return new PlatformCallException(message, true, status, null, retryAfter, false, false);
    }

    /** The platform did not answer ({@code cause}: a timeout, a refused connection, an interrupted wait). */
    public static PlatformCallException unreachable(String message, Throwable cause) {
        return new PlatformCallException(message, true, 0, cause);
    }

    /**
     * The request was sent and no answer came in time: the platform may have done it. Before sending a change again,
     * whoever sent it checks whether it took effect (DESIGN: the fourth outcome, unknown).
     */
    public static PlatformCallException timedOut(String message, Throwable cause) {
        return new PlatformCallException(message, true, 0, cause, Optional.empty(), true, false);
    }

    /**
     * Storeline did not send the request: the channel's rate budget (or a pause the platform asked for) would have
     * held it longer than the caller waits. It may go after {@code wait}.
     */
    public static PlatformCallException notSent(String message, Duration wait) {
        return new PlatformCallException(message, true, 0, null, Optional.of(wait), false, true);
    }

    /** What the platform sent cannot be read: the same payload would fail the same way, so it is final. */
    public static PlatformCallException unreadable(String message) {
        return unreadable(message, null);
    }

    public static PlatformCallException unreadable(String message, Throwable cause) {
        return new PlatformCallException(message, false, 0, cause);
    }

    /** Whether the same call may succeed later ({@link #unavailable}, {@link #unreachable}). */
    public boolean retryable() {
        return retryable;
    }

    /** How long the platform asked us to wait before the next request (429 or 503 with {@code Retry-After}). */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** Whether the request may have reached the platform and taken effect though no answer came (a timeout). */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    /** Whether this is {@link #notSent}: the request never left, held back by the rate budget. */
    public boolean notSent() {
        return notSent;
    }

    /** The HTTP status of a refusal or of an unavailable platform; 0 when no answer says it. */
    public int status() {
        return status;
    }

    /**
     * Records which request failed, its method and path (never its query, which may carry credentials), for the
     * activity log; answers this exception, to be thrown.
     */
    public synchronized PlatformCallException at(String method, String path) {
        request = Optional.of(method + " " + path);
        return this;
    }

    /** The request that failed, as {@code "POST /path"}; empty when none was made (or the module did not say it). */
    public synchronized Optional<String> request() {
        return request;
    }

    /**
     * Records that {@code earlier} were made before this failure, ahead of any recorded already (an operation that
     * nests another adds its own earlier calls in front); answers this exception, to be thrown on.
     */
    public synchronized PlatformCallException after(List<PlatformCall> earlier) {
        madeBefore.addAll(0, earlier);
        return this;
    }

    /** The requests made before this failure by the operation it ended, in the order made; often none. */
    public synchronized List<PlatformCall> madeBefore() {
        return List.copyOf(madeBefore);
    }

    /** Makes {@code call}; should it fail, its exception records that {@code earlier} were made before it. */
    public static <T> T following(List<PlatformCall> earlier, Supplier<T> call) {
        List<PlatformCall> before = List.copyOf(earlier);
        try {
            return call.get();
        } catch (PlatformCallException e) {
            throw e.after(before);
        }
    }
}
