package org.storeline.core.fulfillment;

import java.util.Locale;
import org.storeline.core.error.StorelineException;

/** The paper a packing slip is printed on: an A4 sheet, or a 4×6-inch label from a label printer. */
public enum PaperSize {
    A4,
    LABEL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaperSize fromWire(String value) {
        for (PaperSize size : values()) {
            if (size.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return size;
            }
        }
        throw StorelineException.invalid("size must be a4 or label; got '" + value + "'.");
    }
}
