package org.storeline.channels.api;

import java.util.function.Supplier;

/**
 * The one place every request a platform module makes through {@link PlatformHttp} is charged to its channel's rate
 * budget before it is sent: the sync gateway runs a module's operation {@link #during} a {@link Pacer}, which
 * {@link PlatformHttp#send} asks before each request (each attempt, when it retries) and tells when it came back.
 * Outside such an operation
 * (webhook registration, order imports), requests go unpaced.
 *
 * <p>A thread-local, set and cleared around the operation, rather than an object passed through
 * {@link ChannelConnection}: the modules make their requests through {@code PlatformHttp} on the calling thread and
 * never hand them to another, so none of their methods has to pass a pacer along, and a request cannot escape being
 * charged by being made through a path that forgot to. ({@code ScopedValue}, made for this, is a preview in Java 21.)
 */
public final class RequestPacing {
    /** Waits until a request may go, and charges it; or throws, and the request is not sent. */
    @FunctionalInterface
    public interface Pacer {
        /**
         * Called before sending a request that counts as {@code weight} against the budget (Ecwid's batch: the writes
         * it carries and itself); {@code what} says what it is for. Throws a {@link PlatformCallException} (see
         * {@link PlatformCallException#notSent}) to fail the operation without sending it.
         */
        void beforeSending(int weight, String what);

        /** The request paced last came back (answered, or failed): the platform has counted it by now. */
        default void answered(int weight) {}
    }

    private static final ThreadLocal<Pacer> CURRENT = new ThreadLocal<>();

    private RequestPacing() {}

    /** Runs {@code operation} with every request it makes on this thread paced by {@code pacer}. */
    public static <T> T during(Pacer pacer, Supplier<T> operation) {
        Pacer outer = CURRENT.get();
        CURRENT.set(pacer);
        try {
            return operation.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** After a request of {@code weight} came back, whatever its outcome: tells the current pacer, if any. */
    static void answered(int weight) {
        Pacer pacer = CURRENT.get();
        if (pacer != null) {
            pacer.answered(weight);
        }
    }

    /** Before a request of {@code weight}: waits for the current pacer, if any. */
    static void beforeSending(int weight, String what) {
        Pacer pacer = CURRENT.get();
        if (pacer != null) {
            pacer.beforeSending(weight, what);
        }
    }
}
