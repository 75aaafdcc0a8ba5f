package org.storeline.core.refund;

import java.util.Optional;
import java.util.UUID;
import org.storeline.core.money.Money;

/**
 * One refund as sent to a processor. {@code idempotencyKey} is the refund's id: every attempt of one refund carries
 * the same key, so a processor that received an attempt whose answer we never got pays it back once.
 */
public record RefundCall(UUID idempotencyKey, Money amount, Optional<String> paymentReference, String reason) {}
