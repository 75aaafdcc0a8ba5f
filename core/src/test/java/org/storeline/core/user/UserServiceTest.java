package org.storeline.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.storeline.core.customer.Email;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.outlet.InMemoryOutlets;
import org.storeline.core.transaction.InlineTransactions;

class UserServiceTest {
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemoryOutlets outlets = new InMemoryOutlets();
    private final UserService service = new UserService(
            users, outlets, new PlainHasher(), new InlineTransactions(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    private final UUID gent = outlets.add("Gent", "Europe/Brussels").id();
    private final UUID antwerpen = outlets.add("Antwerpen", "Europe/Brussels").id();
    private final User admin = user("Ada", Role.ADMIN);
    private final User staff = user("Sam", Role.STAFF, gent);

    @Test
    void anAdminChangesAUsersNameRoleAndOutletsAndTheRestStays() {
        User changed = service.update(
                admin.asActor(),
                staff.id(),
                new UserService.Changes(
                        Optional.of("  Sam Claes "),
                        Optional.of(Role.MANAGER),
                        Optional.of(List.of(antwerpen, gent, antwerpen)),
                        Optional.empty()));

        assertThat(changed.name()).isEqualTo("Sam Claes");
        assertThat(changed.role()).isEqualTo(Role.MANAGER);
        assertThat(changed.outletIds()).containsExactly(antwerpen, gent);
        assertThat(changed.email()).isEqualTo(staff.email());
        assertThat(changed.passwordHash()).isEqualTo(staff.passwordHash());
        assertThat(users.byId.get(staff.id())).isEqualTo(changed);
        assertThat(users.sessionsEnded).as("no new password: still signed in").isEmpty();
    }

    @Test
    void aNewPasswordIsStoredHashedAndEndsTheUsersSessionsButNotTheAdminsOwn() {
        service.update(admin.asActor(), staff.id(), password("a new long password"));
        service.update(admin.asActor(), admin.id(), password("my own new password"));

        assertThat(users.byId.get(staff.id()).passwordHash()).hasValue("hashed:a new long password");
        assertThat(users.byId.get(admin.id()).passwordHash()).hasValue("hashed:my own new password");
        assertThat(users.sessionsEnded).containsExactly(staff.id());
    }

    @Test
    void aShortPasswordAnEmptyNameAndStaffWithoutAnOutletAreRefusedAndNothingChanges() {
        assertThatThrownBy(() -> service.update(admin.asActor(), staff.id(), password("short")))
                .hasMessageContaining("at least 10 characters");
        assertThatThrownBy(() -> service.update(
                        admin.asActor(),
                        staff.id(),
                        new UserService.Changes(
                                Optional.of(" "), Optional.empty(), Optional.empty(), Optional.empty())))
                .isInstanceOf(StorelineException.class);
        assertThatThrownBy(() -> service.update(
                        admin.asActor(),
                        staff.id(),
                        new UserService.Changes(
                                Optional.empty(), Optional.empty(), Optional.of(List.of()), Optional.empty())))
                .hasMessageContaining("at least one outlet for a staff");
        User bea = user("Bea", Role.ADMIN);
        assertThatThrownBy(() -> service.update(admin.asActor(), bea.id(), role(Role.STAFF)))
                .as("an admin made staff needs an outlet too")
                .hasMessageContaining("at least one outlet for a staff");
        assertThat(users.byId.get(bea.id())).isEqualTo(bea);
        assertThat(users.byId.get(staff.id())).isEqualTo(staff);
    }

    @Test
    void anUnknownOutletOrUserIsNotFound() {
        UUID nowhere = UUID.randomUUID();
        assertThatThrownBy(() -> service.update(
                        admin.asActor(),
                        staff.id(),
                        new UserService.Changes(
                                Optional.empty(), Optional.empty(), Optional.of(List.of(nowhere)), Optional.empty())))
                .extracting(e -> ((StorelineException) e).code())
                .isEqualTo(ErrorCode.OUTLET_NOT_FOUND);
        assertThatThrownBy(() -> service.update(admin.asActor(), UUID.randomUUID(), role(Role.STAFF)))
                .extracting(e -> ((StorelineException) e).code())
                .isEqualTo(ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void anAdminCannotTakeTheirOwnAdminRoleEvenWithAnotherAdminAround() {
        user("Bea", Role.ADMIN);

        assertThatThrownBy(() -> service.update(admin.asActor(), admin.id(), staffAt(gent)))
                .extracting(e -> ((StorelineException) e).code())
                .isEqualTo(ErrorCode.OWN_ADMIN_ROLE);
        assertThat(users.byId.get(admin.id()).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void anotherAdminsRoleCanBeTakenButNotTheLastAdminsOne() {
        User bea = user("Bea", Role.ADMIN);

        assertThat(service.update(admin.asActor(), bea.id(), staffAt(gent)).role())
                .isEqualTo(Role.STAFF);

        // Bea acted with her admin role still in hand (read before Ada's change): Ada is now the last admin.
        Actor beaBefore = new Actor(bea.id(), bea.name(), Role.ADMIN, Set.of());
        assertThatThrownBy(() -> service.update(beaBefore, admin.id(), staffAt(gent)))
                .extracting(e -> ((StorelineException) e).code())
                .isEqualTo(ErrorCode.LAST_ADMIN);
        assertThat(users.byId.get(admin.id()).role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void aDeactivatedUserIsSignedOutAtOnceKeepsTheRestAndIsActiveAgainWhenReactivated() {
        User deactivated = service.update(admin.asActor(), staff.id(), UserService.Changes.activation(false));

        assertThat(deactivated.isActive()).isFalse();
        assertThat(deactivated.deactivatedAt()).hasValue(Instant.EPOCH);
        assertThat(users.byId.get(staff.id())).isEqualTo(deactivated);
        assertThat(users.sessionsEnded).containsExactly(staff.id());
        assertThat(deactivated)
                .usingRecursiveComparison()
                .ignoringFields("deactivatedAt")
                .isEqualTo(staff);

        User reactivated = service.update(admin.asActor(), staff.id(), UserService.Changes.activation(true));

        assertThat(reactivated.isActive()).isTrue();
        assertThat(users.byId.get(staff.id())).isEqualTo(staff);
    }

    @Test
    void anAdminCannotDeactivateThemselvesEvenWithAnotherAdminAround() {
        user("Bea", Role.ADMIN);

        assertThatThrownBy(() -> service.update(admin.asActor(), admin.id(), UserService.Changes.activation(false)))
                .extracting(e -> ((StorelineException) e).code())
                .isEqualTo(ErrorCode.OWN_ACCOUNT);
        assertThat(users.byId.get(admin.id()).isActive()).isTrue();
        assertThat(users.sessionsEnded).isEmpty();
    }

    @Test
    void anotherAdminCanBeDeactivatedButNotTheLastActiveAdmin() {
        User bea = user("Bea", Role.ADMIN);

        assertThat(service.update(admin.asActor(), bea.id(), UserService.Changes.activation(false))
                        .isActive())
                .isFalse();

        // Bea acted before Ada's change reached her: Ada is now the last active admin.
        Actor beaBefore = bea.asActor();
        assertThatThrownBy(() -> service.update(beaBefore, admin.id(), UserService.Changes.activation(false)))
                .extracting(e -> ((StorelineException) e).code())
                .isEqualTo(ErrorCode.LAST_ADMIN);
        assertThatThrownBy(() -> service.update(beaBefore, admin.id(), staffAt(gent)))
                .as("a deactivated admin does not count as another admin")
                .extracting(e -> ((StorelineException) e).code())
                .isEqualTo(ErrorCode.LAST_ADMIN);
        assertThat(users.byId.get(admin.id()).isActive()).isTrue();
    }

    @Test
    void onlyAdminsChangeOrDeactivateUsers() {
        User manager = user("Max", Role.MANAGER, gent);

        assertThatThrownBy(() -> service.update(manager.asActor(), staff.id(), role(Role.MANAGER)))
                .extracting(e -> ((StorelineException) e).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThatThrownBy(() -> service.update(staff.asActor(), staff.id(), password("a new long password")))
                .extracting(e -> ((StorelineException) e).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThatThrownBy(() -> service.update(manager.asActor(), staff.id(), UserService.Changes.activation(false)))
                .extracting(e -> ((StorelineException) e).code())
                .isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(users.byId.get(staff.id()).isActive()).isTrue();
    }

    private User user(String name, Role role, UUID... outletIds) {
        User user = new User(
                UUID.randomUUID(),
                name,
                Email.of(name.toLowerCase() + "@example.com"),
                role,
                List.of(outletIds),
                Optional.of("hashed:old password"),
                Instant.EPOCH);
        users.insert(user);
        return user;
    }

    private static UserService.Changes password(String password) {
        return new UserService.Changes(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(password));
    }

    private static UserService.Changes role(Role role) {
        return new UserService.Changes(Optional.empty(), Optional.of(role), Optional.empty(), Optional.empty());
    }

    private static UserService.Changes staffAt(UUID outlet) {
        return new UserService.Changes(
                Optional.empty(), Optional.of(Role.STAFF), Optional.of(List.of(outlet)), Optional.empty());
    }
}
