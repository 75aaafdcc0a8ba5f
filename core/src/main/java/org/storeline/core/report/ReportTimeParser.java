package org.storeline.core.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.storeline.core.error.StorelineException;

/** Reads {@code from} and {@code to} as {@link ReportTime#parse} describes; messages name the parameter. */
final class ReportTimeParser {
    /** Four-digit years only: ISO's signed long years ({@code +12026-12-05}) are no dates a report needs. */
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|z|[+-]\\d{2}:\\d{2})");

    private ReportTimeParser() {}

    static ReportTime parse(String parameter, String value) {
        String text = value.trim().replace(' ', '+');
        try {
            if (DAY.matcher(text).matches()) {
                LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
                requireYear(parameter, value, date.getYear());
                return new ReportTime.Day(date);
            }
            if (TIME.matcher(text).matches()) {
                OffsetDateTime time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                requireYear(parameter, value, time.getYear());
                return new ReportTime.Exact(time.toInstant());
            }
        } catch (DateTimeException e) {
            throw StorelineException.invalid(parameter + " '" + shown(value) + "' is not a real date or time: "
                    + "give a day such as 2026-12-05 or a time with its offset such as 2026-12-05T09:30:00+01:00.");
        }
        throw StorelineException.invalid(parameter + " '" + shown(value) + "' is neither a day such as 2026-12-05 nor"
                + " a time with its offset such as 2026-12-05T09:30:00+01:00 (write the + as %2B in a URL).");
    }

    private static void requireYear(String parameter, String value, int year) {
        if (year < ReportTime.FIRST_YEAR || year > ReportTime.LAST_YEAR) {
            throw StorelineException.invalid(parameter + " '" + shown(value) + "' lies outside the years "
                    + ReportTime.FIRST_YEAR + " to " + ReportTime.LAST_YEAR + " that reports cover.");
        }
    }

    /** The value as a message quotes it: a date or time is short, anything longer is cut. */
    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
