package org.storeline.channels.api;

import java.util.List;

/**
 * What happened when we set a channel up on its platform: whether the credentials work and which
 * webhooks we registered. {@code connected == false} with a reason is reported on the channel and
 * retried later; creating the channel never waits for it. {@code detail} says what was checked and where the
 * webhooks deliver without naming them: the channel's activity entry adds {@code webhooks} to it, once.
 */
public record Registration(boolean connected, String detail, List<String> webhooks) {
    public Registration {
        webhooks = List.copyOf(webhooks);
    }

    public static Registration connected(String detail, List<String> webhooks) {
        return new Registration(true, detail, webhooks);
    }

    public static Registration failed(String detail) {
        return new Registration(false, detail, List.of());
    }
}
