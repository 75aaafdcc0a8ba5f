package org.storeline.core.outlet;

import java.util.Locale;
import org.storeline.core.error.StorelineException;

/**
 * The language an outlet's documents and customer emails are written in (the staff app has its own, per user).
 * Storeline speaks English, French and Dutch.
 */
public enum Language {
    EN,
    FR,
    NL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(wireName());
    }

    public static Language fromWire(String value) {
        for (Language language : values()) {
            if (language.wireName().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return language;
            }
        }
        throw StorelineException.invalid("language must be one of en, fr, nl; got '" + value + "'.");
    }
}
