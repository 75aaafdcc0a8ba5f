package org.storeline.channels.api;

import java.time.Instant;
import java.util.Optional;

/**
 * Which orders to list: modified in [{@code modifiedSince}, {@code modifiedUntil}), one page at a time.
 * {@code page} is the connector's own token from {@link OrderPage#nextPage()}; empty for the first page.
 */
public record OrderQuery(Instant modifiedSince, Optional<Instant> modifiedUntil, Optional<String> page) {
}
