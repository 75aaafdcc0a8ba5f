package org.storeline.core.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One end of a report's range as the caller gave it: a calendar day, read in each outlet's own time zone (the day
 * 2026-12-05 starts an hour earlier in Brussels than in London), or an exact instant, the same everywhere.
 *
 * <p>A range is half-open: it holds the times at or after its start and before its end. A day as {@code to} ends
 * where the next day starts, so it is included whole; an instant as {@code to} is where the range stops, so
 * consecutive ranges never count anything twice.
 */
public sealed interface ReportTime {
    /** Years outside this span are refused: no shop has data there, and time zones shift bounds past year 1. */
    int FIRST_YEAR = 1000;

    int LAST_YEAR = 9999;

    /** Where a range starting at this bound starts, for an outlet in {@code zone}. */
    Instant startIn(ZoneId zone);

    /** Where a range ending at this bound ends (exclusive), for an outlet in {@code zone}. */
    Instant endIn(ZoneId zone);

    record Day(LocalDate date) implements ReportTime {
        @Override
        public Instant startIn(ZoneId zone) {
            return date.atStartOfDay(zone).toInstant();
        }

        @Override
        public Instant endIn(ZoneId zone) {
            return date.plusDays(1).atStartOfDay(zone).toInstant();
        }

        @Override
        public String toString() {
            return date.toString();
        }
    }

    record Exact(Instant instant) implements ReportTime {
        @Override
        public Instant startIn(ZoneId zone) {
            return instant;
        }

        @Override
        public Instant endIn(ZoneId zone) {
            return instant;
        }

        @Override
        public String toString() {
            return instant.toString();
        }
    }

    /**
     * Reads {@code value}, a day ({@code 2026-12-05}) or a time with its offset ({@code 2026-12-05T09:30:00+01:00},
     * {@code ...Z}), or fails naming {@code parameter}. A query string decodes an unescaped {@code +} to a space, and a
     * space has no other place in such a time, so {@code 2026-12-05T09:30:00 01:00} is read as {@code +01:00}.
     */
    static ReportTime parse(String parameter, String value) {
        return ReportTimeParser.parse(parameter, value);
    }
}
