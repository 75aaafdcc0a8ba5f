package org.storeline.core.outlet;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A physical location that holds stock. Times are stored in UTC and shown in its time zone.
 * {@code number} is short and unique: it prefixes the outlet's receipt numbers.
 */
public record Outlet(UUID id, int number, String name, ZoneId timeZone, Instant createdAt) {}
