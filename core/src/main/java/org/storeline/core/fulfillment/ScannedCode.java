package org.storeline.core.fulfillment;

import org.storeline.core.error.StorelineException;

/**
 * What a barcode scanner typed: a product's barcode or SKU, or a packing slip's receipt number. Scanners wrap the
 * code in characters of their own (a prefix such as STX, a suffix such as CR/LF, ETX or a tab, configured per
 * device), so the ends are trimmed of whitespace, control characters and invisible format characters (a byte-order
 * mark, a zero-width space); what is left is compared exactly, case and all. A control character inside the code
 * is refused: no barcode, SKU or receipt number holds one.
 */
public record ScannedCode(String value) {
    /** Longer than any barcode (64) or SKU a product may have: anything longer is no code of ours. */
    public static final int MAX_LENGTH = 200;

    public ScannedCode {
        if (value == null || value.isEmpty()) {
            throw StorelineException.invalid("The scanned code is empty.");
        }
        if (value.length() > MAX_LENGTH) {
            throw StorelineException.invalid(
                    "The scanned code is too long (" + value.length() + " characters; at most " + MAX_LENGTH + ").");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw StorelineException.invalid("The scanned code holds a control character (U+"
                        + String.format("%04X", (int) value.charAt(i)) + ") at position " + i
                        + "; set the scanner to send the code alone.");
            }
        }
    }

    /** The code a scanner sent, its prefix and suffix trimmed; {@code field} names it in an error. */
    public static ScannedCode of(String field, String scanned) {
        if (scanned == null) {
            throw StorelineException.invalid(field + " is required.");
        }
        int start = 0;
        int end = scanned.length();
        while (start < end && isScannerPadding(scanned.charAt(start))) {
            start++;
        }
        while (end > start && isScannerPadding(scanned.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw StorelineException.invalid(field + " is empty once the scanner's own characters are trimmed.");
        }
        return new ScannedCode(scanned.substring(start, end));
    }

    private static boolean isScannerPadding(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT;
    }

    @Override
    public String toString() {
        return value;
    }
}
