package org.storeline.channels.api;

/**
 * The outcome of checking a delivery's authenticity.
 * {@code PING}: an unsigned handshake the platform requires us to answer 200 (WooCommerce's
 * {@code webhook_id=N} on creation); it carries no order and creates nothing.
 */
public record Verification(Outcome outcome, String reason) {
    public enum Outcome {
        VALID,
        INVALID,
        PING
    }

    public static Verification valid() {
        return new Verification(Outcome.VALID, "");
    }

    public static Verification invalid(String reason) {
        return new Verification(Outcome.INVALID, reason);
    }

    public static Verification ping(String reason) {
        return new Verification(Outcome.PING, reason);
    }

    public boolean isValid() {
        return outcome == Outcome.VALID;
    }
}
