package org.storeline.channels.api;

import java.time.Instant;
import java.util.Optional;
import org.storeline.core.error.StorelineException;

/**
 * Which orders to list: modified in [{@code modifiedSince}, {@code modifiedUntil}), one page at a time.
 * {@code page} is the connector's own token from {@link OrderPage#nextPage()}; empty for the first page.
 * Platforms that number their pages read the token with {@link #pageNumber()}, those that count orders
 * with {@link #offset()}.
 */
public record OrderQuery(Instant modifiedSince, Optional<Instant> modifiedUntil, Optional<String> page) {

    /** The page asked for, where tokens are page numbers: 1 for the first page. */
    public int pageNumber() {
        return (int) token(1, Integer.MAX_VALUE, "a page number (1, 2...)");
    }

    /** How many orders come before the page asked for, where tokens are offsets: 0 for the first page. */
    public long offset() {
        return token(0, Long.MAX_VALUE, "an offset (0, 100...)");
    }

    private long token(long first, long max, String expected) {
        if (page.isEmpty()) {
            return first;
        }
        try {
            long value = Long.parseLong(page.get().trim());
            if (value >= first && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        // Tokens come from the connector's own previous page: another one is a caller's mistake, not the platform's.
        throw StorelineException.invalid("The page token '" + page.get() + "' is not " + expected + ".");
    }
}
