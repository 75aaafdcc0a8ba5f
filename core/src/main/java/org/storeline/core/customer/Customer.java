package org.storeline.core.customer;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A customer profile. Matched by email (its key); its name is never overwritten by a later order (CUS-2). */
public record Customer(UUID id, String name, Optional<Email> email, Instant createdAt) {}
