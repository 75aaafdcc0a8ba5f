package org.storeline.db.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Converts between the domain's {@link Instant} and jOOQ's {@link OffsetDateTime}, always in UTC. */
public final class Timestamps {
    private Timestamps() {}

    public static OffsetDateTime toDb(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant fromDb(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
