package org.storeline.core.error;

/** Input checks that every use case shares, each failing with a message that names the field. */
public final class Require {
    private Require() {
    }

    public static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw StorelineException.invalid(field + " is required.");
        }
        String trimmed = value.trim();
        if (trimmed.length() > 500) {
            throw StorelineException.invalid(field + " is too long (at most 500 characters).");
        }
        return trimmed;
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw StorelineException.invalid(field + " is required.");
        }
        return value;
    }
}
