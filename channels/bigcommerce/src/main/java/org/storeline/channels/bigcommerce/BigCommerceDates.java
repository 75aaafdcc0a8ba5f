package org.storeline.channels.bigcommerce;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** The date formats of BigCommerce's v2 API: RFC 2822 in responses, RFC 2822 or ISO-8601 in filters. */
final class BigCommerceDates {
    /** ISO-8601 with a numeric offset ("2019-06-20T16:07:08+00:00"): one of the two forms the v2 filters accept. */
    private static final DateTimeFormatter FILTER =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    private BigCommerceDates() {}

    /**
     * Parses v2's RFC 2822 dates ("Tue, 05 Mar 2019 21:40:11 +0000") to UTC. ISO-8601 is accepted too,
     * because the v3 APIs and some proxies use it. Blank (v2 sends {@code date_shipped: ""}) is absent.
     */
    static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        try {
            return Optional.of(ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException notRfc2822) {
            try {
                return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
    }

    /**
     * A filter value for {@code min_date_modified}/{@code max_date_modified}, to the second (v2 has no finer grain).
     */
    static String filter(Instant instant) {
        return FILTER.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
}
