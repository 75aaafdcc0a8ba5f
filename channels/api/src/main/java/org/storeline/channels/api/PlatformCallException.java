package org.storeline.channels.api;

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
 */
public class PlatformCallException extends RuntimeException {
    private final boolean retryable;
    private final int status;

    /** For {@link UnreadableFieldException}, which is an unreadable answer that names its field. */
    protected PlatformCallException(String message, boolean retryable, int status, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.status = status;
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

    /** The platform did not answer ({@code cause}: a timeout, a refused connection, an interrupted wait). */
    public static PlatformCallException unreachable(String message, Throwable cause) {
        return new PlatformCallException(message, true, 0, cause);
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

    /** The HTTP status of a refusal or of an unavailable platform; 0 when no answer says it. */
    public int status() {
        return status;
    }
}
