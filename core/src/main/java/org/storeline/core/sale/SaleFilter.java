package org.storeline.core.sale;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.StorelineException;

/**
 * The filters of {@code GET /api/v1/sales} and of Sales history; empty means "any".
 *
 * @param search        what staff typed or scanned: a receipt number or an order number (matched whole), or part
 *                      of a customer's name or email
 * @param from          sales made at or after this instant
 * @param until         sales made before this instant
 * @param paymentStatus how much of the sale is paid, as {@link Sale#paymentStatus()} derives it
 */
public record SaleFilter(
        Optional<UUID> outletId,
        Optional<UUID> channelId,
        Optional<String> externalOrderId,
        Optional<UUID> customerId,
        Optional<SaleStatus> status,
        Optional<String> search,
        Optional<Instant> from,
        Optional<Instant> until,
        Optional<PaymentStatus> paymentStatus) {
    /** The longest search text: longer than any receipt number, order number, name or email. */
    public static final int MAX_SEARCH = 200;

    public SaleFilter {
        search = search.map(String::strip).filter(s -> !s.isEmpty());
        if (search.isPresent() && search.get().length() > MAX_SEARCH) {
            throw StorelineException.invalid("The search is too long (at most " + MAX_SEARCH + " characters).");
        }
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw StorelineException.invalid(
                    "The date range ends before it starts: choose a start date on or before the end date.");
        }
    }

    /** The API's filters: outlet, channel, order id, customer and status. */
    public SaleFilter(
            Optional<UUID> outletId,
            Optional<UUID> channelId,
            Optional<String> externalOrderId,
            Optional<UUID> customerId,
            Optional<SaleStatus> status) {
        this(
                outletId,
                channelId,
                externalOrderId,
                customerId,
                status,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public static SaleFilter none() {
        return new SaleFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
