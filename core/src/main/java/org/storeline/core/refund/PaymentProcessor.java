package org.storeline.core.refund;

import org.storeline.core.payment.ProcessorEndpoint;

/**
 * Port: sends a refund to the processor of a payment type (RET-3). The adapter speaks Storeline's refund protocol
 * (docs/API.md, "Refunds to a processor") and never throws for what the processor or the network does: every
 * failure is an outcome, refused when the processor said no, unknown when it is not known whether it paid.
 * It is called outside any database transaction, and may take as long as its timeout.
 */
public interface PaymentProcessor {
    RefundOutcome refund(ProcessorEndpoint endpoint, RefundCall call);
}
