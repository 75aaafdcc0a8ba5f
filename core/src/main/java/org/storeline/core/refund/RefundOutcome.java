package org.storeline.core.refund;

/** What a processor answered to a refund (convention 5): done, refused with its reason, or unknown. */
public sealed interface RefundOutcome {
    /** The processor paid the money back. */
    record Succeeded() implements RefundOutcome {}

    /** The processor will not pay it back; {@code message} is its own reason, for the cashier. */
    record Refused(String message) implements RefundOutcome {}

    /** No usable answer (a timeout, a 5xx, no connection): whether it paid is unknown; ask again with the same key. */
    record Unknown(String detail) implements RefundOutcome {}
}
