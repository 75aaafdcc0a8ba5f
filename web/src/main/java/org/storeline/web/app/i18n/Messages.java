package org.storeline.web.app.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.storeline.core.outlet.Language;

/**
 * The web app's words in one language, from {@code org/storeline/web/app/i18n/messages*.properties} (UTF-8). English
 * is the base bundle; French and Dutch carry every key too (a test holds them to it), so no page mixes languages.
 */
public final class Messages {
    private static final String BUNDLE = "org.storeline.web.app.i18n.messages";
    private static final Map<Language, Messages> CACHE = new ConcurrentHashMap<>();

    private final Language language;
    private final ResourceBundle bundle;

    private Messages(Language language) {
        this.language = language;
        // No fallback to the JVM's default locale: English is the base bundle, whatever the machine speaks.
        this.bundle = ResourceBundle.getBundle(
                BUNDLE,
                language == Language.EN ? Locale.ROOT : language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Language language) {
        return CACHE.computeIfAbsent(language, Messages::new);
    }

    public Language language() {
        return language;
    }

    public Locale locale() {
        return language.locale();
    }

    /** The text for {@code key}; the key itself when it is missing, so that a gap shows instead of failing a page. */
    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /**
     * The text for {@code key} with its {@code {0}}, {@code {1}}... filled in, numbers written the language's way. An
     * apostrophe is a letter here (French has many), not MessageFormat's quote.
     */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key).replace("'", "''"), locale()).format(args);
    }

    /** Whether {@code key} exists (to fall back to the server's message for an error code without words of ours). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    ResourceBundle bundle() {
        return bundle;
    }
}
