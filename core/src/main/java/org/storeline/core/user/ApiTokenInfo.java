package org.storeline.core.user;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What is known of an API token once it was handed out: its label and dates, never the token itself. */
public record ApiTokenInfo(UUID id, UUID userId, String label, Instant createdAt, Optional<Instant> lastUsedAt) {}
