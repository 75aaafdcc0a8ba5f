package org.storeline.core.paging;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** One page of a list, and where the next one starts (empty on the last page). */
public record Page<T>(List<T> items, Optional<UUID> next) {

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only tells that
     * there is more, so it is dropped and the last kept item becomes the cursor.
     */
    public static <T> Page<T> fromOverfetched(List<T> rows, int limit, Function<T, UUID> idOf) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), Optional.empty());
        }
        List<T> items = List.copyOf(rows.subList(0, limit));
        return new Page<>(items, Optional.of(idOf.apply(items.get(limit - 1))));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }
}
