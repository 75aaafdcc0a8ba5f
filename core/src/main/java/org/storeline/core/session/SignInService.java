package org.storeline.core.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.outlet.Language;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.ApiTokens;
import org.storeline.core.user.PasswordHasher;
import org.storeline.core.user.User;
import org.storeline.core.user.UserRepository;

/**
 * Signing in to the staff web app with email and password (the API's users), the sessions that follow, and the
 * lock-out after repeated failures ({@link SessionPolicy}). A wrong email and a wrong password are refused alike,
 * after the same work, so that the answer does not tell which emails exist.
 */
public final class SignInService {
    /** A session's last-seen time is written at most this often: not one write per request. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final UserRepository users;
    private final SessionRepository sessions;
    private final SignInFailures failures;
    private final PasswordHasher hasher;
    private final Transactions tx;
    private final Clock clock;
    private final SessionPolicy policy;
    private volatile String decoyHash;

    public SignInService(
            UserRepository users,
            SessionRepository sessions,
            SignInFailures failures,
            PasswordHasher hasher,
            Transactions tx,
            Clock clock,
            SessionPolicy policy) {
        this.users = users;
        this.sessions = sessions;
        this.failures = failures;
        this.hasher = hasher;
        this.tx = tx;
        this.clock = clock;
        this.policy = policy;
    }

    /** A new session: the token for the browser (shown this once) and who it signs in. */
    public record NewSession(String token, SignedIn signedIn) {}

    /**
     * Signs in, or refuses: {@code sign_in_failed} for a wrong email or password, {@link SignInLocked} once the email
     * has {@code maxFailures} failures in the window (the password is not even checked then).
     */
    public NewSession signIn(String email, String password) {
        Instant now = clock.instant();
        String key = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        List<Instant> recent = new ArrayList<>(failures.since(key, now.minus(policy.failureWindow())));
        if (recent.size() >= policy.maxFailures()) {
            throw new SignInLocked(lockedUntil(recent));
        }
        // Argon2 takes tens of milliseconds: no transaction is held open while it runs.
        // A deactivated user is refused as a wrong password is: the answer does not tell that the account exists.
        Optional<User> user =
                key.isEmpty() ? Optional.empty() : users.findByEmailKey(key).filter(User::isActive);
        if (!passwordMatches(user, password == null ? "" : password)) {
            failures.record(key, now);
            recent.add(now);
            if (recent.size() >= policy.maxFailures()) {
                throw new SignInLocked(lockedUntil(recent));
            }
            throw new StorelineException(
                    ErrorCode.SIGN_IN_FAILED, "The email or password is wrong. Check both and try again.");
        }
        String token = ApiTokens.newToken();
        StaffSession session = new StaffSession(
                Ids.newId(),
                ApiTokens.hash(token),
                user.get().id(),
                ApiTokens.newToken(),
                now,
                now,
                now.plus(policy.absolute()));
        tx.run(() -> {
            failures.clear(key, now.minus(policy.failureWindow()));
            sessions.deleteExpired(now);
            sessions.insert(session);
        });
        SignedIn signedIn = sessions.findByTokenHash(session.tokenHash())
                .orElseThrow(() -> new IllegalStateException("The session just stored is missing"));
        return new NewSession(token, signedIn);
    }

    /** The failures keep the email locked until the oldest of the last {@code maxFailures} leaves the window. */
    private Instant lockedUntil(List<Instant> oldestFirst) {
        return oldestFirst.get(oldestFirst.size() - policy.maxFailures()).plus(policy.failureWindow());
    }

    private boolean passwordMatches(Optional<User> user, String password) {
        Optional<String> hash = user.flatMap(User::passwordHash);
        if (hash.isEmpty()) {
            // The same work as a real check, so that timing tells nothing of which emails exist.
            hasher.matches(password, decoy());
            return false;
        }
        return hasher.matches(password, hash.get());
    }

    private String decoy() {
        String hash = decoyHash;
        if (hash == null) {
            hash = hasher.hash(ApiTokens.newToken());
            decoyHash = hash;
        }
        return hash;
    }

    /** The session this browser token opens, if it is still live; an expired one is removed. */
    public Optional<SignedIn> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = ApiTokens.hash(token.trim());
        Optional<SignedIn> found = sessions.findByTokenHash(hash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        StaffSession session = found.get().session();
        if (!session.isLiveAt(now, policy)) {
            sessions.delete(hash);
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt().plus(TOUCH_EVERY))) {
            sessions.touch(hash, now);
        }
        return found;
    }

    /** Ends the session of this token (nothing happens for an unknown one). */
    public void signOut(String token) {
        if (token != null && !token.isBlank()) {
            sessions.delete(ApiTokens.hash(token.trim()));
        }
    }

    /** The actor's own choice of language for the web app (empty: follow the browser's). */
    public void chooseLanguage(Actor actor, Optional<Language> language) {
        users.setLanguage(actor.userId(), language);
    }

    public SessionPolicy policy() {
        return policy;
    }
}
