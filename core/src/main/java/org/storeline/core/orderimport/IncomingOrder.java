package org.storeline.core.orderimport;

import java.util.Optional;
import java.util.UUID;
import org.storeline.core.channel.ChannelOrder;

/** A platform order to import, and the stored webhook delivery it came from (none for polls and manual imports). */
public record IncomingOrder(ChannelOrder order, Optional<UUID> deliveryId) {}
