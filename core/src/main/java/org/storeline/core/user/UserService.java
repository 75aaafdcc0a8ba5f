package org.storeline.core.user;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.customer.Email;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.Require;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.outlet.OutletRepository;
import org.storeline.core.transaction.Transactions;

/** Use cases for users and their API tokens, and the bootstrap admin token. */
public final class UserService {
    static final int MIN_PASSWORD_LENGTH = 10;

    private final UserRepository users;
    private final OutletRepository outlets;
    private final PasswordHasher hasher;
    private final Transactions tx;
    private final Clock clock;

    public UserService(
            UserRepository users, OutletRepository outlets, PasswordHasher hasher, Transactions tx, Clock clock) {
        this.users = users;
        this.outlets = outlets;
        this.hasher = hasher;
        this.tx = tx;
        this.clock = clock;
    }

    public record NewUser(String name, String email, Optional<String> password, Role role, List<UUID> outletIds) {}

    public User create(Actor actor, NewUser request) {
        actor.require(Permission.MANAGE_USERS);
        String name = Require.text("name", request.name());
        Email email = Email.of(request.email());
        request.password().ifPresent(UserService::requireLongEnough);
        List<UUID> outletIds = new ArrayList<>(new LinkedHashSet<>(request.outletIds()));
        Optional<String> hash = request.password().map(hasher::hash);
        return tx.inTransaction(() -> {
            requireOutlets(request.role(), outletIds);
            if (users.emailTaken(email.key())) {
                throw new StorelineException(
                        ErrorCode.EMAIL_TAKEN, "A user with email " + email.value() + " already exists.");
            }
            User user = new User(Ids.newId(), name, email, request.role(), outletIds, hash, clock.instant());
            users.insert(user);
            return user;
        });
    }

    /**
     * What an admin changes of a user; an empty field stays as it is. {@code active}: false deactivates the user,
     * true reactivates them.
     */
    public record Changes(
            Optional<String> name,
            Optional<Role> role,
            Optional<List<UUID>> outletIds,
            Optional<String> password,
            Optional<Boolean> active) {
        /** Changes that leave whether the user is active as it is. */
        public Changes(
                Optional<String> name, Optional<Role> role, Optional<List<UUID>> outletIds, Optional<String> password) {
            this(name, role, outletIds, password, Optional.empty());
        }

        /** Only whether the user is active: deactivates (false) or reactivates (true). */
        public static Changes activation(boolean active) {
            return new Changes(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(active));
        }
    }

    /**
     * Changes a user's name, role, outlets or password (admins only). An admin cannot take their own admin role, nor
     * anyone the last admin's; a manager or staff member needs an outlet. A new password set for someone else ends
     * their web sessions, so that whoever knew the old one is signed out; roles and outlets apply at the next request.
     * A deactivated user's web sessions end at once and their API tokens stop working (they work again when the user
     * is reactivated); an admin cannot deactivate themselves, nor anyone the last active admin.
     */
    public User update(Actor actor, UUID userId, Changes changes) {
        actor.require(Permission.MANAGE_USERS);
        Optional<String> name = changes.name().map(n -> Require.text("name", n));
        changes.password().ifPresent(UserService::requireLongEnough);
        Optional<List<UUID>> newOutlets = changes.outletIds().map(ids -> List.copyOf(new LinkedHashSet<>(ids)));
        Optional<String> hash = changes.password().map(hasher::hash);
        return tx.inTransaction(() -> {
            List<UUID> admins = users.lockAdmins();
            User user = users.findById(userId)
                    .orElseThrow(() -> StorelineException.notFound(ErrorCode.USER_NOT_FOUND, "User", userId));
            Role role = changes.role().orElse(user.role());
            List<UUID> outletIds = newOutlets.orElse(user.outletIds());
            boolean deactivating =
                    user.isActive() && changes.active().filter(a -> !a).isPresent();
            if (deactivating) {
                requireNotOwnAccount(actor, user);
            }
            if (user.role() == Role.ADMIN && (role != Role.ADMIN || deactivating)) {
                requireAnotherAdmin(actor, user, admins);
            }
            requireOutlets(role, outletIds);
            User changed = new User(
                    user.id(),
                    name.orElse(user.name()),
                    user.email(),
                    role,
                    outletIds,
                    hash.or(user::passwordHash),
                    user.createdAt(),
                    user.deactivatedAt());
            User updated = changes.active()
                    .map(active -> active ? changed.reactivated() : changed.deactivated(clock.instant()))
                    .orElse(changed);
            users.update(updated);
            if (deactivating || (hash.isPresent() && !user.id().equals(actor.userId()))) {
                users.endSessions(user.id());
            }
            return updated;
        });
    }

    private static void requireNotOwnAccount(Actor actor, User user) {
        if (user.id().equals(actor.userId())) {
            throw new StorelineException(
                    ErrorCode.OWN_ACCOUNT,
                    "You cannot deactivate your own account: another admin can, so that nobody locks themselves out.");
        }
    }

    /** {@code admins}: the active ones; {@code user} must not be the last (being demoted or deactivated). */
    private static void requireAnotherAdmin(Actor actor, User user, List<UUID> admins) {
        if (user.id().equals(actor.userId())) {
            throw new StorelineException(
                    ErrorCode.OWN_ADMIN_ROLE,
                    "You cannot take away your own admin role: another admin can, so that nobody locks themselves"
                            + " out.");
        }
        if (admins.stream().noneMatch(id -> !id.equals(user.id()))) {
            throw new StorelineException(
                    ErrorCode.LAST_ADMIN, user.name() + " is the last active admin: make another user an admin first.");
        }
    }

    private void requireOutlets(Role role, List<UUID> outletIds) {
        if (role != Role.ADMIN && outletIds.isEmpty()) {
            throw StorelineException.invalid("outlet_ids must name at least one outlet for a " + role.wireName()
                    + "; only admins see every outlet.");
        }
        for (UUID outletId : outletIds) {
            outlets.findById(outletId)
                    .orElseThrow(() -> StorelineException.notFound(ErrorCode.OUTLET_NOT_FOUND, "Outlet", outletId));
        }
    }

    private static void requireLongEnough(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw StorelineException.invalid("password must have at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
    }

    public User get(Actor actor, UUID userId) {
        if (!actor.userId().equals(userId)) {
            actor.require(Permission.MANAGE_USERS);
        }
        return users.findById(userId)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.USER_NOT_FOUND, "User", userId));
    }

    /** Every user, by name: admins only. */
    public List<User> list(Actor actor) {
        actor.require(Permission.MANAGE_USERS);
        return tx.inTransaction(users::findAll);
    }

    /** A user's API tokens (never the tokens themselves), newest first; users may read their own. */
    public List<ApiTokenInfo> tokens(Actor actor, UUID userId) {
        User user = get(actor, userId);
        return tx.inTransaction(() -> users.tokensOf(user.id()));
    }

    /**
     * Revokes one of a user's API tokens: it authenticates nothing from now on (an event stream opened with it ends
     * at its next check). Users may revoke their own; revoking another user's needs the admin role.
     */
    public ApiTokenInfo revokeToken(Actor actor, UUID userId, UUID tokenId) {
        User user = get(actor, userId);
        return tx.inTransaction(() -> {
            ApiTokenInfo token = users.tokensOf(user.id()).stream()
                    .filter(t -> t.id().equals(tokenId))
                    .findFirst()
                    .orElseThrow(() -> StorelineException.notFound(ErrorCode.TOKEN_NOT_FOUND, "API token", tokenId));
            users.deleteToken(user.id(), tokenId);
            return token;
        });
    }

    /** Creates a token for a user and returns it: the only time it is ever visible. */
    public String issueToken(Actor actor, UUID userId, String label) {
        if (!actor.userId().equals(userId)) {
            actor.require(Permission.MANAGE_USERS);
        }
        return tx.inTransaction(() -> {
            User user = users.findById(userId)
                    .orElseThrow(() -> StorelineException.notFound(ErrorCode.USER_NOT_FOUND, "User", userId));
            String token = ApiTokens.newToken();
            users.insertToken(
                    Ids.newId(),
                    user.id(),
                    ApiTokens.hash(token),
                    label == null || label.isBlank() ? "api" : label.trim(),
                    clock.instant());
            return token;
        });
    }

    /** Whether anyone can sign in to the web app yet (a first administrator has chosen a password). */
    public boolean isSetUp() {
        return users.anyoneSignsIn();
    }

    /**
     * The first sign-in of a new installation: while nobody has a password, whoever holds an admin token (printed
     * on the first start, or {@code STORELINE_ADMIN_TOKEN}) gives that admin a name, an email and a password. The
     * token proves they run the server; once anyone can sign in, users are made by an admin instead.
     */
    public User setUpFirstAdmin(String adminToken, String name, String email, String password) {
        String cleanName = Require.text("name", name);
        Email cleanEmail = Email.of(email);
        requireLongEnough(password);
        String hash = hasher.hash(password);
        return tx.inTransaction(() -> {
            if (users.anyoneSignsIn()) {
                throw new StorelineException(
                        ErrorCode.ALREADY_SET_UP,
                        "Storeline is already set up: sign in, or ask an administrator for an account.");
            }
            User admin = Optional.ofNullable(adminToken)
                    .filter(t -> !t.isBlank())
                    .flatMap(t -> users.findByTokenHash(ApiTokens.hash(t.trim())))
                    .filter(u -> u.role() == Role.ADMIN)
                    .orElseThrow(() -> new StorelineException(
                            ErrorCode.UNAUTHENTICATED,
                            "That is not an admin token of this Storeline: use the one printed when it first "
                                    + "started, or the value of STORELINE_ADMIN_TOKEN."));
            if (!admin.email().key().equals(cleanEmail.key()) && users.emailTaken(cleanEmail.key())) {
                throw new StorelineException(
                        ErrorCode.EMAIL_TAKEN, "A user with email " + cleanEmail.value() + " already exists.");
            }
            users.setSignIn(admin.id(), cleanName, cleanEmail, hash);
            return users.findById(admin.id()).orElseThrow();
        });
    }

    /**
     * A new token of the first admin, for its owner at the server's command line when the printed one is lost
     * ({@code storeline admin-token}): whoever can open the database may do anything already, so it asks no token.
     */
    public String issueAdminToken(String label) {
        return tx.inTransaction(() -> {
            User admin = users.findBootstrapAdmin()
                    .orElseThrow(() -> new StorelineException(
                            ErrorCode.USER_NOT_FOUND,
                            "This database has no admin yet: start Storeline once (./storeline serve) to make one."));
            String token = ApiTokens.newToken();
            users.insertToken(Ids.newId(), admin.id(), ApiTokens.hash(token), label, clock.instant());
            return token;
        });
    }

    public Optional<Actor> authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            return Optional.empty();
        }
        // A deactivated user's tokens are kept, unusable, so that reactivating them gives their programs access back.
        return users.findByTokenHash(ApiTokens.hash(bearerToken.trim()))
                .filter(User::isActive)
                .map(User::asActor);
    }

    /**
     * Makes sure an admin exists and that {@code token} (when given) authenticates as that admin.
     * Returns a freshly made token when none was given and the admin had none yet: the caller prints
     * it once. Safe to call on every start.
     */
    public Optional<String> bootstrapAdmin(Optional<String> configuredToken) {
        return tx.inTransaction(() -> {
            boolean created = false;
            User admin = users.findBootstrapAdmin().orElse(null);
            if (admin == null) {
                admin = new User(
                        Ids.newId(),
                        "Administrator",
                        Email.of("admin@storeline.local"),
                        Role.ADMIN,
                        List.of(),
                        Optional.empty(),
                        clock.instant());
                users.insert(admin);
                created = true;
            }
            if (configuredToken.isPresent()) {
                String hash = ApiTokens.hash(configuredToken.get().trim());
                if (!users.tokenExists(hash)) {
                    users.insertToken(Ids.newId(), admin.id(), hash, "STORELINE_ADMIN_TOKEN", clock.instant());
                }
                return Optional.empty();
            }
            if (!created) {
                return Optional.empty();
            }
            String token = ApiTokens.newToken();
            users.insertToken(Ids.newId(), admin.id(), ApiTokens.hash(token), "bootstrap", clock.instant());
            return Optional.of(token);
        });
    }
}
