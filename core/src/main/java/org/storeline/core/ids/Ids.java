package org.storeline.core.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.storeline.core.error.StorelineException;

/**
 * Makes UUIDv7 ids (RFC 9562): time-ordered, so that ordering by id is ordering by creation,
 * which gives stable cursor pagination and index locality for free. Within one millisecond the
 * 12-bit {@code rand_a} field is a counter (the RFC's method 1), so ids made by this process are
 * strictly increasing even when many are made in the same millisecond.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Clock CLOCK = Clock.systemUTC();
    private static final Pattern CANONICAL =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final int COUNTER_LIMIT = 1 << 12;
    /** The largest time a UUIDv7 holds: 48 bits of milliseconds (the year 10889). */
    private static final long MAX_MILLIS = (1L << 48) - 1;

    private static long lastMillis;
    private static int counter;

    private Ids() {}

    public static UUID newId() {
        long millis;
        int sequence;
        synchronized (Ids.class) {
            millis = Math.max(CLOCK.millis(), lastMillis);
            if (millis == lastMillis) {
                counter++;
                if (counter == COUNTER_LIMIT) {
                    // 4096 ids in one millisecond: borrow the next millisecond rather than lose the order.
                    millis++;
                    counter = 0;
                }
            } else {
                counter = RANDOM.nextInt(COUNTER_LIMIT / 2);
            }
            lastMillis = millis;
            sequence = counter;
        }
        long msb = (millis << 16) | (0x7L << 12) | sequence;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /**
     * An id whose time is {@code at} rather than now, for a record of something made earlier elsewhere (an online
     * order placed before it was imported): ordering by id is then ordering by when it was made, as for every other
     * id. The 74 other bits are random, so ids at one millisecond sort in no particular order and never collide in
     * practice. A time a UUIDv7 cannot hold (before 1970, after the year 10889) gets an id of now.
     */
    public static UUID at(Instant at) {
        long millis;
        try {
            millis = at.toEpochMilli();
        } catch (ArithmeticException beyondLong) {
            return newId();
        }
        if (millis < 0 || millis > MAX_MILLIS) {
            return newId();
        }
        long msb = (millis << 16) | (0x7L << 12) | RANDOM.nextInt(COUNTER_LIMIT);
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** Parses an id from the outside world (only the canonical 8-4-4-4-12 form), or fails naming the field. */
    public static UUID parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw StorelineException.invalid(field + " is required.");
        }
        String trimmed = value.trim();
        // UUID.fromString is lenient ("1-2-3-4-5", dashes elsewhere): two strings must never name one id.
        if (!CANONICAL.matcher(trimmed).matches()) {
            throw StorelineException.invalid(field + " is not a valid id: '" + value + "'.");
        }
        return UUID.fromString(trimmed);
    }
}
