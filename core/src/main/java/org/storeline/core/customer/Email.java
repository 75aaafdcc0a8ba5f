package org.storeline.core.customer;

import java.util.Locale;
import java.util.regex.Pattern;
import org.storeline.core.error.StorelineException;

/**
 * An email address as given (trimmed) and its matching key (trimmed, lower-cased): two customers
 * whose emails differ only in case or surrounding spaces are the same customer.
 */
public record Email(String value) {
    private static final Pattern SHAPE = Pattern.compile("^[^\\s@]+@[^\\s@]+$");

    public Email {
        if (value == null || value.isBlank()) {
            throw StorelineException.invalid("email is required.");
        }
        value = value.trim();
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw StorelineException.invalid("'" + value + "' is not an email address.");
        }
    }

    public static Email of(String value) {
        return new Email(value);
    }

    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }
}
