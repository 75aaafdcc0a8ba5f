package org.storeline.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.transaction.InlineTransactions;
import org.storeline.core.user.InMemoryUsers;
import org.storeline.core.user.PlainHasher;
import org.storeline.core.user.User;

class SignInServiceTest {
    private static final String PASSWORD = "the right password";
    private static final SessionPolicy POLICY =
            new SessionPolicy(Duration.ofHours(2), Duration.ofHours(12), 5, Duration.ofMinutes(15));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T09:00:00Z"));
    private final InMemoryUsers users = new InMemoryUsers();
    private final Sessions sessions = new Sessions();
    private final Failures failures = new Failures();
    private final SignInService service =
            new SignInService(users, sessions, failures, new PlainHasher(), new InlineTransactions(), clock, POLICY);
    private final User ada = users.add("Ada@Example.com", PASSWORD);

    @Test
    void theRightPasswordOpensASessionWhoseTokenAuthenticatesItsUser() {
        SignInService.NewSession session = service.signIn("  ada@example.COM ", PASSWORD);

        assertThat(session.signedIn().actor().userId()).isEqualTo(ada.id());
        assertThat(service.authenticate(session.token()))
                .map(s -> s.actor().userId())
                .hasValue(ada.id());
        assertThat(sessions.byHash).as("only the token's hash is stored").doesNotContainKey(session.token());
        assertThat(session.signedIn().session().csrfToken()).isNotBlank().isNotEqualTo(session.token());
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailAreRefusedAlike() {
        assertThatThrownBy(() -> service.signIn("ada@example.com", "wrong"))
                .isInstanceOf(StorelineException.class)
                .extracting(e -> ((StorelineException) e).code())
                .isEqualTo(ErrorCode.SIGN_IN_FAILED);
        assertThatThrownBy(() -> service.signIn("nobody@example.com", PASSWORD))
                .isInstanceOf(StorelineException.class)
                .hasMessage("The email or password is wrong. Check both and try again.");
    }

    @Test
    void theFifthFailureWithinTheWindowLocksTheEmailUntilTheFirstIsAWindowOld() {
        Instant first = clock.instant();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> service.signIn("ada@example.com", "wrong")).isNotInstanceOf(SignInLocked.class);
            clock.advance(Duration.ofMinutes(1));
        }

        assertThatThrownBy(() -> service.signIn("ada@example.com", "wrong"))
                .isInstanceOfSatisfying(
                        SignInLocked.class,
                        locked -> assertThat(locked.retryAt()).isEqualTo(first.plus(POLICY.failureWindow())));
        assertThatThrownBy(() -> service.signIn("ada@example.com", PASSWORD))
                .as("locked: the right password waits too")
                .isInstanceOf(SignInLocked.class);
        assertThat(failures.all).as("a locked attempt is not counted").hasSize(5);

        clock.set(first.plus(POLICY.failureWindow()).plusSeconds(1));
        assertThat(service.signIn("ada@example.com", PASSWORD)
                        .signedIn()
                        .actor()
                        .userId())
                .isEqualTo(ada.id());
    }

    @Test
    void aSuccessfulSignInForgetsTheEmailsEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> service.signIn("ada@example.com", "wrong")).isInstanceOf(StorelineException.class);
        }
        service.signIn("ada@example.com", PASSWORD);

        assertThatThrownBy(() -> service.signIn("ada@example.com", "wrong")).isNotInstanceOf(SignInLocked.class);
    }

    @Test
    void aSessionEndsAfterItsIdleTimeAndAfterItsAbsoluteTime() {
        String idle = service.signIn("ada@example.com", PASSWORD).token();
        clock.advance(POLICY.idle().plusSeconds(1));
        assertThat(service.authenticate(idle)).isEmpty();

        String busy = service.signIn("ada@example.com", PASSWORD).token();
        for (int hour = 0; hour < 11; hour++) {
            clock.advance(Duration.ofHours(1));
            assertThat(service.authenticate(busy)).as("hour " + hour).isPresent();
        }
        clock.advance(Duration.ofHours(1));
        assertThat(service.authenticate(busy)).as("twelve hours after sign-in").isEmpty();
    }

    @Test
    void aDeactivatedUserIsRefusedWithTheRightPasswordAsAWrongPasswordIs() {
        users.update(ada.deactivated(clock.instant()));

        assertThatThrownBy(() -> service.signIn("ada@example.com", PASSWORD))
                .isInstanceOf(StorelineException.class)
                .hasMessage("The email or password is wrong. Check both and try again.")
                .extracting(e -> ((StorelineException) e).code())
                .isEqualTo(ErrorCode.SIGN_IN_FAILED);
    }

    @Test
    void signingOutEndsTheSession() {
        String token = service.signIn("ada@example.com", PASSWORD).token();

        service.signOut(token);

        assertThat(service.authenticate(token)).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final class Sessions implements SessionRepository {
        final Map<String, StaffSession> byHash = new HashMap<>();

        @Override
        public void insert(StaffSession session) {
            byHash.put(session.tokenHash(), session);
        }

        @Override
        public Optional<SignedIn> findByTokenHash(String tokenHash) {
            return Optional.ofNullable(byHash.get(tokenHash)).map(s -> {
                User user = users.byId.get(s.userId());
                return new SignedIn(s, user.asActor(), user.email().value(), Optional.empty());
            });
        }

        @Override
        public void touch(String tokenHash, Instant lastSeenAt) {
            StaffSession s = byHash.get(tokenHash);
            byHash.put(
                    tokenHash,
                    new StaffSession(
                            s.id(),
                            s.tokenHash(),
                            s.userId(),
                            s.csrfToken(),
                            s.createdAt(),
                            lastSeenAt,
                            s.expiresAt()));
        }

        @Override
        public void delete(String tokenHash) {
            byHash.remove(tokenHash);
        }

        @Override
        public int deleteExpired(Instant now) {
            int before = byHash.size();
            byHash.values().removeIf(s -> !now.isBefore(s.expiresAt()));
            return before - byHash.size();
        }
    }

    private static final class Failures implements SignInFailures {
        final List<Map.Entry<String, Instant>> all = new ArrayList<>();

        @Override
        public void record(String emailKey, Instant at) {
            all.add(Map.entry(emailKey, at));
        }

        @Override
        public List<Instant> since(String emailKey, Instant since) {
            return all.stream()
                    .filter(e -> e.getKey().equals(emailKey) && e.getValue().isAfter(since))
                    .map(Map.Entry::getValue)
                    .sorted()
                    .toList();
        }

        @Override
        public void clear(String emailKey, Instant before) {
            all.removeIf(e -> e.getKey().equals(emailKey) || e.getValue().isBefore(before));
        }
    }
}
