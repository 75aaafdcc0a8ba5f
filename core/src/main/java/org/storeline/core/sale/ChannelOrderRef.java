package org.storeline.core.sale;

import java.util.UUID;

/** For an online sale: the channel it came from, the platform's order id and the number the customer sees. */
public record ChannelOrderRef(UUID channelId, String externalOrderId, String externalOrderNumber) {}
