package org.storeline.core.sync;

import org.storeline.core.money.Money;

/** A product's price as Storeline sells it (tax included, as on the shelf), for one channel's listing (SOR-1). */
public record PriceChange(Listing listing, Money price) {}
