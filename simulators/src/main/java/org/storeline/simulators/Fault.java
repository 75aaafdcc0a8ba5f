package org.storeline.simulators;

import java.time.Duration;
import java.util.Optional;

/**
 * A bad spell of a store's API, laid over it with {@link StoreSimulator#lay} until {@link StoreSimulator#heal healed}
 * (or, for {@link #offline}, until it runs out): the requests to paths under {@code path} (of {@code method}, or of any
 * method when empty) are answered {@code status} after {@code delay}, in the platform's words for that status, and
 * change nothing; or, with no status, they take effect as usual and their answer comes only after {@code delay}.
 *
 * @param retryAfter for a 429, how long the store asks to wait
 */
public record Fault(
        Optional<String> method, String path, Optional<Integer> status, Duration delay, Duration retryAfter) {
    public Fault {
        if (delay.isNegative() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("A fault's delays are not negative");
        }
    }

    /** Every request under {@code path} answered {@code status} (a 5xx), changing nothing. */
    public static Fault failing(String path, int status) {
        return new Fault(Optional.empty(), path, Optional.of(status), Duration.ZERO, Duration.ZERO);
    }

    /** Every request under {@code path} answered 500, as a PHP fatal error or an overloaded host does. */
    public static Fault serverErrors(String path) {
        return failing(path, 500);
    }

    /** Every request under {@code path} takes effect, but its answer comes only after {@code delay}. */
    public static Fault answerLate(String path, Duration delay) {
        return new Fault(Optional.empty(), path, Optional.empty(), delay, Duration.ZERO);
    }

    /** Every request under {@code path} refused with 429 and a wait, as the platform's (or a host's) limiter does. */
    public static Fault throttled(String path, Duration retryAfter) {
        return new Fault(Optional.empty(), path, Optional.of(429), Duration.ZERO, retryAfter);
    }

    /** The whole API answers 503: the store is down (its webhooks wait too, see {@link StoreSimulator#offline}). */
    public static Fault offline() {
        return failing("/", 503);
    }

    /** Only the requests of this method. */
    public Fault onlyFor(String httpMethod) {
        return new Fault(Optional.of(httpMethod), path, status, delay, retryAfter);
    }

    /** The same fault, answered only after {@code wait} (a request that hangs, then fails). */
    public Fault after(Duration wait) {
        return new Fault(method, path, status, wait, retryAfter);
    }

    boolean covers(String requestMethod, String requestPath) {
        return method.map(requestMethod::equals).orElse(true) && requestPath.startsWith(path);
    }
}
