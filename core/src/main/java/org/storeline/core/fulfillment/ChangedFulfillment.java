package org.storeline.core.fulfillment;

import org.storeline.core.sale.Sale;

/**
 * A fulfillment as an action left it, with its sale as the same transaction left it (locked, so as it was committed):
 * what the answer to the action shows, without reading the sale a second time.
 */
public record ChangedFulfillment(Fulfillment fulfillment, Sale sale) {}
