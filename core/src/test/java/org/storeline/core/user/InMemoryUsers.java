package org.storeline.core.user;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.customer.Email;
import org.storeline.core.outlet.Language;

/** Users in a map, for the use cases' tests: tokens and sign-in settings are left out. */
public final class InMemoryUsers implements UserRepository {
    public final Map<UUID, User> byId = new HashMap<>();
    public final Set<UUID> sessionsEnded = new HashSet<>();

    /** A staff member of a new outlet with this email and password (stored as "hashed:" + password). */
    public User add(String email, String password) {
        User user = new User(
                UUID.randomUUID(),
                "Ada",
                Email.of(email),
                Role.STAFF,
                List.of(UUID.randomUUID()),
                Optional.of("hashed:" + password),
                Instant.EPOCH);
        byId.put(user.id(), user);
        return user;
    }

    @Override
    public Optional<User> findByEmailKey(String emailKey) {
        return byId.values().stream()
                .filter(u -> u.email().key().equals(emailKey))
                .findFirst();
    }

    @Override
    public Optional<User> findById(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public void insert(User user) {
        byId.put(user.id(), user);
    }

    @Override
    public boolean emailTaken(String emailKey) {
        return findByEmailKey(emailKey).isPresent();
    }

    @Override
    public void insertToken(UUID tokenId, UUID userId, String tokenHash, String label, Instant createdAt) {}

    @Override
    public Optional<User> findByTokenHash(String tokenHash) {
        return Optional.empty();
    }

    @Override
    public Optional<User> findBootstrapAdmin() {
        return Optional.empty();
    }

    @Override
    public List<User> findAll() {
        return List.copyOf(byId.values());
    }

    @Override
    public List<ApiTokenInfo> tokensOf(UUID userId) {
        return List.of();
    }

    @Override
    public boolean deleteToken(UUID userId, UUID tokenId) {
        return false;
    }

    @Override
    public boolean tokenExists(String tokenHash) {
        return false;
    }

    @Override
    public boolean anyoneSignsIn() {
        return true;
    }

    @Override
    public void setSignIn(UUID userId, String name, Email email, String passwordHash) {}

    @Override
    public void setLanguage(UUID userId, Optional<Language> language) {}

    @Override
    public Map<UUID, String> namesOf(Collection<UUID> ids) {
        return Map.of();
    }

    @Override
    public void update(User user) {
        byId.put(user.id(), user);
    }

    @Override
    public List<UUID> lockAdmins() {
        return byId.values().stream()
                .filter(u -> u.role() == Role.ADMIN && u.isActive())
                .map(User::id)
                .toList();
    }

    @Override
    public void endSessions(UUID userId) {
        sessionsEnded.add(userId);
    }
}
