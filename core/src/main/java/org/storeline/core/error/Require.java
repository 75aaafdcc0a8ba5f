package org.storeline.core.error;

/** Input checks that every use case shares, each failing with a message that names the field. */
public final class Require {
    private Require() {}

    public static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw StorelineException.invalid(field + " is required.");
        }
        storable(field, value);
        String trimmed = value.trim();
        if (trimmed.length() > 500) {
            throw StorelineException.invalid(field + " is too long (at most 500 characters).");
        }
        return trimmed;
    }

    /**
     * Text that can be stored and given back as it came: no NUL character (PostgreSQL refuses it) and no
     * half of a UTF-16 surrogate pair (it has no UTF-8 form and would come back as '?'). Anything else is kept.
     */
    public static String storable(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw new StorelineException(
                        ErrorCode.INVALID_TEXT,
                        field + " contains a NUL character (\\u0000) at position " + i + "; remove it.");
            }
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new StorelineException(
                        ErrorCode.INVALID_TEXT,
                        field + " contains half of a UTF-16 surrogate pair"
                                + " at position " + i + " (\\u" + Integer.toHexString(c)
                                + " alone), which is no character;"
                                + " send whole characters, in UTF-8.");
            }
        }
        return value;
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw StorelineException.invalid(field + " is required.");
        }
        return value;
    }
}
