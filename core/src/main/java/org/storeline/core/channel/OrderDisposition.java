package org.storeline.core.channel;

/**
 * What a platform order's state means here, decided by each platform's mapper from its own status
 * words (each platform's state table is in docs/platforms/ and in its mapper). Only the IMPORT_* values
 * create a sale; the others are logged and wait for a later, importable state.
 */
public enum OrderDisposition {
    /**
     * An abandoned or unfinished checkout (WooCommerce pending/failed/checkout-draft, BigCommerce 0, Ecwid INCOMPLETE).
     */
    SKIP_INCOMPLETE(false, false, false),
    /** Cancelled or voided before we ever saw it: nothing was sold. */
    SKIP_CANCELLED(false, false, false),
    /** Refunded in full before we ever saw it: nothing to fulfil, nothing kept. */
    SKIP_REFUNDED(false, false, false),
    /** Placed but not paid (bank transfer, cheque, cash on delivery): an unpaid sale, to fulfil once paid. */
    IMPORT_UNPAID(true, false, false),
    /**
     * Placed and partly paid (a deposit, a split payment): the part the platform says is paid
     * ({@link ChannelOrder#amountPaid}) is recorded as a payment and the balance is left open, to be paid before
     * the order is handed over. Where the platform does not say how much, nothing is recorded and the log says so.
     */
    IMPORT_PARTIALLY_PAID(true, false, false),
    /** Placed and paid: a paid sale to fulfil. */
    IMPORT_PAID(true, true, false),
    /** First seen already fulfilled on the platform: a paid sale whose fulfilments are already complete. */
    IMPORT_FULFILLED(true, true, true);

    private final boolean createsSale;
    private final boolean paid;
    private final boolean alreadyFulfilled;

    OrderDisposition(boolean createsSale, boolean paid, boolean alreadyFulfilled) {
        this.createsSale = createsSale;
        this.paid = paid;
        this.alreadyFulfilled = alreadyFulfilled;
    }

    public boolean createsSale() {
        return createsSale;
    }

    public boolean paid() {
        return paid;
    }

    public boolean alreadyFulfilled() {
        return alreadyFulfilled;
    }
}
