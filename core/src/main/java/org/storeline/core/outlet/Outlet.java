package org.storeline.core.outlet;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A physical location that holds stock. Times are stored in UTC and shown in its time zone; its packing slips and
 * customer emails are written in its {@code language}. {@code number} is short and unique: it prefixes the outlet's
 * receipt numbers.
 */
public record Outlet(UUID id, int number, String name, ZoneId timeZone, Language language, Instant createdAt) {
    /** An outlet that speaks English, the default. */
    public Outlet(UUID id, int number, String name, ZoneId timeZone, Instant createdAt) {
        this(id, number, name, timeZone, Language.EN, createdAt);
    }

    public Outlet renamed(String newName) {
        return new Outlet(id, number, newName, timeZone, language, createdAt);
    }

    public Outlet speaking(Language newLanguage) {
        return new Outlet(id, number, name, timeZone, newLanguage, createdAt);
    }
}
