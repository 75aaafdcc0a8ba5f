package org.storeline.core.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import org.storeline.core.error.StorelineException;

/**
 * Makes UUIDv7 ids (RFC 9562): time-ordered, so that ordering by id is ordering by creation,
 * which gives stable cursor pagination and index locality for free.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Clock CLOCK = Clock.systemUTC();

    private Ids() {
    }

    public static UUID newId() {
        long millis = CLOCK.millis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** Parses an id from the outside world, or fails with a message that names the field. */
    public static UUID parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw StorelineException.invalid(field + " is required.");
        }
        String trimmed = value.trim();
        try {
            // UUID.fromString accepts short forms like "1-2-3-4-5"; ids are always the canonical 36 characters.
            if (trimmed.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(trimmed);
        } catch (IllegalArgumentException e) {
            throw StorelineException.invalid(field + " is not a valid id: '" + value + "'.");
        }
    }
}
