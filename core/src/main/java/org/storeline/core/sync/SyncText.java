package org.storeline.core.sync;

import java.util.List;

/** How the sync outbox writes lists of things into the activity log: short, whatever their number. */
final class SyncText {
    private static final int SHOWN = 10;

    private SyncText() {}

    /** "A, B, C" or "A, B, ... and 40 more". */
    static String list(List<String> items) {
        if (items.size() <= SHOWN) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, SHOWN)) + " and " + (items.size() - SHOWN) + " more";
    }
}
