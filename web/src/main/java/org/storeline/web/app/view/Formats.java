package org.storeline.web.app.view;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.storeline.web.app.i18n.Messages;

/** Times as people read them: in the outlet's time zone, the language's way, and an order's age in short units. */
public final class Formats {
    private Formats() {}

    /** A date and time in {@code zone}, the month in words so that no one reads 6/12 as June ("6 déc. 2026, 10:15"). */
    public static String dateTime(Instant at, ZoneId zone, Messages t) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(t.locale())
                .withZone(zone)
                .format(at);
    }

    /** A time of day in {@code zone} ("10:15"). */
    public static String time(Instant at, ZoneId zone, Messages t) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(t.locale())
                .withZone(zone)
                .format(at);
    }

    /** How long ago, in the largest whole unit: "5 min", "3 h", "2 d" (and the language's own letters). */
    public static String age(Instant since, Instant now, Messages t) {
        Duration age = Duration.between(since, now);
        if (age.isNegative()) {
            age = Duration.ZERO;
        }
        if (age.toHours() < 1) {
            return t.format("age.minutes", age.toMinutes());
        }
        if (age.toDays() < 1) {
            return t.format("age.hours", age.toHours());
        }
        return t.format("age.days", age.toDays());
    }
}
