package org.storeline.core.fulfillment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.storeline.core.error.Require;
import org.storeline.core.error.StorelineException;

/**
 * How a shipped delivery can be followed (FUL-5): the carrier's tracking number, the carrier, and a link to its
 * tracking page; any of them, at least one. The link must be http(s): it is shown to staff and may be sent to the
 * customer.
 */
public record Tracking(Optional<String> number, Optional<String> company, Optional<String> url) {

    public Tracking {
        number = clean("tracking.number", number);
        company = clean("tracking.company", company);
        url = clean("tracking.url", url);
        if (number.isEmpty() && company.isEmpty() && url.isEmpty()) {
            throw StorelineException.invalid("tracking needs a number, a company or a url (or leave tracking out).");
        }
        url.ifPresent(u -> {
            String lower = u.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("https://") || lower.startsWith("http://")) || u.contains(" ")) {
                throw StorelineException.invalid(
                        "tracking.url must be a web address starting with https:// or http://; got '" + u + "'.");
            }
        });
    }

    private static Optional<String> clean(String field, Optional<String> value) {
        return value.filter(v -> !v.isBlank()).map(v -> Require.text(field, v));
    }

    /** The line added to the sale's note when the delivery ships: "Shipped: PostNL, tracking 3S123, https://...". */
    public String noteLine() {
        List<String> parts = new ArrayList<>();
        company.ifPresent(parts::add);
        number.ifPresent(n -> parts.add("tracking " + n));
        url.ifPresent(parts::add);
        return "Shipped: " + String.join(", ", parts);
    }
}
