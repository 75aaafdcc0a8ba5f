package org.storeline.core.sale;

import java.time.Instant;
import java.util.UUID;

/**
 * For an online sale: the channel it came from, the platform's order id, the number the customer sees and when the
 * order was imported here (the sale's own date is when it was placed on the platform).
 */
public record ChannelOrderRef(UUID channelId, String externalOrderId, String externalOrderNumber, Instant importedAt) {}
