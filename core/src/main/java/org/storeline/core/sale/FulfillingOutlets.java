package org.storeline.core.sale;

import java.util.Set;
import java.util.UUID;

/**
 * Port: the outlets that fulfil a sale (an online order picked up or shipped from an outlet other than the one it
 * was recorded at). Their staff may see the sale and take its payment at their own counter.
 */
public interface FulfillingOutlets {
    Set<UUID> of(UUID saleId);
}
