package org.storeline.core.paging;

import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.StorelineException;

/**
 * Which page of a list to return: at most {@code limit} items after the item {@code after} (exclusive).
 * Ids are time-ordered, so "after" is a stable position even while new rows arrive.
 */
public record PageRequest(int limit, Optional<UUID> after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw StorelineException.invalid("limit must be between 1 and " + MAX_LIMIT + ", not " + limit + ".");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }
}
