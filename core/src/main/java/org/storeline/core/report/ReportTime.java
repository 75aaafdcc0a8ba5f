package org.storeline.core.report;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.storeline.core.error.StorelineException;

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

    Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|z|[+-]\\d{2}:\\d{2})");

    /**
     * Reads {@code value}, a day ({@code 2026-12-05}) or a time with its offset ({@code 2026-12-05T09:30:00+01:00},
     * {@code ...Z}), or fails naming {@code parameter}. A query string decodes an unescaped {@code +} to a space, and a
     * space has no other place in such a time, so {@code 2026-12-05T09:30:00 01:00} is read as {@code +01:00}.
     */
    static ReportTime parse(String parameter, String value) {
        String text = value.trim().replace(' ', '+');
        try {
            if (DAY.matcher(text).matches()) {
                LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                requireYear(parameter, value, date.getYear());
                return new Day(date);
            }
            if (TIME.matcher(text).matches()) {
                OffsetDateTime time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                requireYear(parameter, value, time.getYear());
                return new Exact(time.toInstant());
            }
        } catch (DateTimeException e) {
            throw StorelineException.invalid(parameter + " '" + shown(value) + "' is not a real date or time: "
                    + "give a day such as 2026-12-05 or a time with its offset such as 2026-12-05T09:30:00+01:00.");
        }
        throw StorelineException.invalid(
                parameter + " '" + shown(value) + "' is neither a day such as 2026-12-05 nor a time"
                        + " with its offset such as 2026-12-05T09:30:00+01:00 (write the + as %2B in a URL).");
    }

    private static void requireYear(String parameter, String value, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw StorelineException.invalid(parameter + " '" + shown(value) + "' lies outside the years " + FIRST_YEAR
                    + " to " + LAST_YEAR + " that reports cover.");
        }
    }

    /** The value as a message quotes it: a date or time is short, anything longer is cut. */
    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
