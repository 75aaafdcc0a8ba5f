package org.storeline.core.channel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.storeline.core.error.StorelineException;

/**
 * What a manual import (ORD-7) asks the platform for: given orders by their platform ids, or every order modified in a
 * half-open range [since, until).
 * Built with {@link #of}, which says in the caller's words what is wrong with a request.
 */
public sealed interface ImportRequest {
    /** A person pastes ids by hand; a list longer than this is a mistake, or a range import in disguise. */
    int MAX_ORDER_IDS = 250;

    /** Orders by their platform ids, trimmed, each once. */
    record OrderIds(List<String> ids) implements ImportRequest {
        public OrderIds {
            ids = ids.stream().map(String::trim).distinct().toList();
            if (ids.isEmpty()) {
                throw StorelineException.invalid("order_ids must name at least one order.");
            }
            if (ids.stream().anyMatch(String::isEmpty)) {
                throw StorelineException.invalid("order_ids must not contain an empty id.");
            }
            if (ids.size() > MAX_ORDER_IDS) {
                throw StorelineException.invalid("order_ids may name at most " + MAX_ORDER_IDS + " orders at once, not "
                        + ids.size() + "; import a period with since and until instead.");
            }
        }
    }

    /** Orders modified from {@code since} up to {@code until} (excluded), or up to now. */
    record Range(Instant since, Optional<Instant> until) implements ImportRequest {
        public Range {
            if (until.isPresent() && !until.get().isAfter(since)) {
                throw StorelineException.invalid("until (" + until.get() + ") must be after since (" + since + ").");
            }
        }
    }

    static ImportRequest of(Optional<Instant> since, Optional<Instant> until, List<String> orderIds) {
        if (!orderIds.isEmpty()) {
            if (since.isPresent() || until.isPresent()) {
                throw StorelineException.invalid("Give order_ids, or since (and optionally until), not both.");
            }
            return new OrderIds(orderIds);
        }
        return new Range(
                since.orElseThrow(() -> StorelineException.invalid("Give since (and optionally until), or order_ids.")),
                until);
    }
}
