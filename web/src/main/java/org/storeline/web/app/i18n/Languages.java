package org.storeline.web.app.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.storeline.core.outlet.Language;

/** Which of the app's languages a browser asks for, from its {@code Accept-Language} header. */
public final class Languages {
    private static final List<String> SUPPORTED =
            List.of(Language.EN.wireName(), Language.FR.wireName(), Language.NL.wireName());

    private Languages() {}

    /**
     * The first of the browser's languages, by its weights, that the app speaks (fr-BE is French, nl-BE Dutch);
     * English when none is or the header is missing or malformed.
     */
    public static Language fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Language.EN;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            for (Locale.LanguageRange range : ranges) {
                if (range.getWeight() <= 0) {
                    continue;
                }
                String primary = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                if (SUPPORTED.contains(primary)) {
                    return Language.fromWire(primary);
                }
            }
        } catch (IllegalArgumentException malformed) {
            // A header we cannot read asks for nothing in particular.
        }
        return Language.EN;
    }

    /** {@code en}, {@code fr} or {@code nl} as a language; empty for anything else (the browser's, say). */
    public static Optional<Language> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return SUPPORTED.contains(v) ? Optional.of(Language.fromWire(v)) : Optional.empty();
    }
}
