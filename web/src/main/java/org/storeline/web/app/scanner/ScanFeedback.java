package org.storeline.web.app.scanner;

import java.util.Optional;

/**
 * What the Scanner says after a scan or an action: {@code kind} is ok, refused or info (the colour and the sound follow
 * it, the words say it too), {@code text} in the reader's language, {@code detail} the server's own message.
 */
public record ScanFeedback(String kind, String text, Optional<String> detail) {
    public static final ScanFeedback NONE = new ScanFeedback("info", "", Optional.empty());

    public static ScanFeedback ok(String text) {
        return new ScanFeedback("ok", text, Optional.empty());
    }

    public static ScanFeedback refused(String text, String detail) {
        return new ScanFeedback("refused", text, Optional.of(detail).filter(d -> !d.isBlank()));
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
