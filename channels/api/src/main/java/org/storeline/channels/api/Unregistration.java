package org.storeline.channels.api;

import java.util.List;

/**
 * What happened when we took a channel's webhooks off its platform as the channel was unlinked: which were removed,
 * or why none were. It is logged in the channel's activity; the unlink never depends on it.
 */
public record Unregistration(Outcome outcome, String detail, List<String> webhooks) {
    public enum Outcome {
        /** Our webhooks are gone from the platform (or there were none left). */
        REMOVED,
        /** Storeline does not remove this platform's webhooks: the owner does, in its admin. */
        NOT_SUPPORTED,
        /** The platform refused or could not be reached: the owner should remove them by hand. */
        FAILED
    }

    public Unregistration {
        webhooks = List.copyOf(webhooks);
    }

    public static Unregistration removed(String detail, List<String> webhooks) {
        return new Unregistration(Outcome.REMOVED, detail, webhooks);
    }

    public static Unregistration notSupported(String detail) {
        return new Unregistration(Outcome.NOT_SUPPORTED, detail, List.of());
    }

    public static Unregistration failed(String detail) {
        return new Unregistration(Outcome.FAILED, detail, List.of());
    }
}
