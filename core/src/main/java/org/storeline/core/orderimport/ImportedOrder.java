package org.storeline.core.orderimport;

import java.time.Instant;
import java.util.UUID;

/** What we know of a platform order that already became a sale: the version last seen. */
public record ImportedOrder(String externalOrderId, UUID saleId, Instant platformUpdatedAt, String platformStatus) {}
