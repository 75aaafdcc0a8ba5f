package org.storeline.core.returns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.StorelineException;

/**
 * A return asked for: the lines and units given back, and optionally the payment type the money goes back to (the
 * sale's original one otherwise), the outlet to restock at, the register to record it on, a reason, and the client's
 * idempotency key (the same key again answers the same return, never a second one).
 */
public record ReturnRequest(
        List<Returnable.Requested> lines,
        Optional<UUID> paymentTypeId,
        Optional<UUID> outletId,
        Optional<UUID> registerId,
        String reason,
        Optional<String> idempotencyKey) {
    public static final int MAX_KEY_LENGTH = 255;

    public ReturnRequest {
        lines = List.copyOf(lines);
        reason = reason == null ? "" : reason.trim();
        if (reason.length() > 500) {
            throw StorelineException.invalid("reason is too long (at most 500 characters).");
        }
        idempotencyKey = idempotencyKey.map(String::trim).filter(k -> !k.isEmpty());
        if (idempotencyKey.isPresent() && idempotencyKey.get().length() > MAX_KEY_LENGTH) {
            throw StorelineException.invalid(
                    "The Idempotency-Key header is too long (at most " + MAX_KEY_LENGTH + " characters).");
        }
    }

    /**
     * What this request asks for, as a digest: a key sent again with another request is refused rather than
     * answered with a return that is not the one asked for.
     */
    public String digest() {
        StringBuilder text = new StringBuilder();
        lines.forEach(
                l -> text.append(l.lineId()).append('×').append(l.quantity()).append(';'));
        text.append('|').append(paymentTypeId.map(UUID::toString).orElse(""));
        text.append('|').append(outletId.map(UUID::toString).orElse(""));
        text.append('|').append(registerId.map(UUID::toString).orElse(""));
        text.append('|').append(reason);
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }
}
