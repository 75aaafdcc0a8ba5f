package org.storeline.core.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.storeline.core.customer.Email;
import org.storeline.core.error.ErrorCode;

class RoleAndActorTest {
    private static final UUID CENTRE = UUID.randomUUID();
    private static final UUID HARBOUR = UUID.randomUUID();

    /** Who may do what, written out in full so that a change to a role shows up here. */
    private static final Map<Role, Set<Permission>> MATRIX = Map.of(
            Role.ADMIN, EnumSet.allOf(Permission.class),
            Role.MANAGER,
                    EnumSet.of(
                            Permission.MANAGE_CATALOG,
                            Permission.MANAGE_REGISTERS,
                            Permission.MANAGE_PAYMENT_TYPES,
                            Permission.ADJUST_STOCK,
                            Permission.OPERATE_REGISTERS,
                            Permission.SELL,
                            Permission.MANAGE_CUSTOMERS),
            Role.STAFF, EnumSet.of(Permission.OPERATE_REGISTERS, Permission.SELL, Permission.MANAGE_CUSTOMERS));

    private static Actor actor(Role role, UUID... outlets) {
        return new Actor(UUID.randomUUID(), role.wireName(), role, Set.of(outlets));
    }

    @Test
    void anAdminSeesEveryOutletEvenWithoutAnyAssigned() {
        Actor admin = actor(Role.ADMIN);

        assertThat(admin.canSee(CENTRE)).isTrue();
        assertThat(admin.canSee(UUID.randomUUID())).isTrue();
        assertThatNoException().isThrownBy(() -> admin.requireOutlets(List.of(CENTRE, HARBOUR)));
    }

    @Test
    void staffSeeOnlyTheirOwnOutlets() {
        Actor staff = actor(Role.STAFF, CENTRE);

        assertThat(staff.canSee(CENTRE)).isTrue();
        assertThat(staff.canSee(HARBOUR)).isFalse();
        assertThatNoException().isThrownBy(() -> staff.requireOutlet(CENTRE));
        assertRefused(ErrorCode.OUTLET_FORBIDDEN, () -> staff.requireOutlet(HARBOUR));
    }

    @Test
    void aManagerDoesNotSeeEveryOutlet() {
        Actor manager = actor(Role.MANAGER, HARBOUR);

        assertThat(manager.canSee(HARBOUR)).isTrue();
        assertRefused(ErrorCode.OUTLET_FORBIDDEN, () -> manager.requireOutlet(CENTRE));
    }

    @Test
    void refusesAListOfOutletsWhenAnyOneIsForbidden() {
        Actor staff = actor(Role.STAFF, CENTRE);

        assertRefused(ErrorCode.OUTLET_FORBIDDEN, () -> staff.requireOutlets(List.of(CENTRE, HARBOUR)));
        assertThatNoException().isThrownBy(() -> staff.requireOutlets(List.of(CENTRE)));
    }

    @Test
    void keepsItsOwnCopyOfTheOutlets() {
        Set<UUID> outlets = new HashSet<>(Set.of(CENTRE));
        Actor staff = new Actor(UUID.randomUUID(), "Sam", Role.STAFF, outlets);

        outlets.add(HARBOUR);

        assertThat(staff.canSee(HARBOUR)).isFalse();
    }

    @Test
    void staffMaySellButNotAdjustStockOrManageUsers() {
        Actor staff = actor(Role.STAFF, CENTRE);

        assertThatNoException().isThrownBy(() -> staff.require(Permission.SELL));
        assertRefused(ErrorCode.FORBIDDEN, () -> staff.require(Permission.ADJUST_STOCK));
        assertRefused(ErrorCode.FORBIDDEN, () -> staff.require(Permission.MANAGE_USERS));
    }

    @Test
    void grantsExactlyThePermissionsOfTheMatrix() {
        assertThat(MATRIX.keySet()).containsExactlyInAnyOrder(Role.values());
        for (Role role : Role.values()) {
            Actor actor = actor(role);
            for (Permission permission : Permission.values()) {
                boolean expected = MATRIX.get(role).contains(permission);
                assertThat(role.allows(permission))
                        .as("%s may %s", role, permission)
                        .isEqualTo(expected);
                if (expected) {
                    assertThatNoException()
                            .as("%s may %s", role, permission)
                            .isThrownBy(() -> actor.require(permission));
                } else {
                    assertRefused(ErrorCode.FORBIDDEN, () -> actor.require(permission));
                }
            }
        }
    }

    @Test
    void namesTheRoleAndTheDeniedRightInTheRefusal() {
        Actor staff = actor(Role.STAFF);

        Assertions.assertThatThrownBy(() -> staff.require(Permission.MANAGE_USERS))
                .hasMessage("Your role (staff) may not manage users.");
    }

    @Test
    void readsRolesFromTheirWireNames() {
        assertThat(Role.fromWire("admin")).isEqualTo(Role.ADMIN);
        assertThat(Role.fromWire("manager")).isEqualTo(Role.MANAGER);
        assertThat(Role.fromWire(" staff ")).isEqualTo(Role.STAFF);
        for (Role role : Role.values()) {
            assertThat(Role.fromWire(role.wireName())).isEqualTo(role);
        }
    }

    @Test
    void refusesAnUnknownRole() {
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Role.fromWire("owner"));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Role.fromWire(""));
        assertRefused(ErrorCode.INVALID_REQUEST, () -> Role.fromWire(null));
    }

    @Test
    void onlyAdminsSeeEveryOutlet() {
        assertThat(Role.ADMIN.seesEveryOutlet()).isTrue();
        assertThat(Role.MANAGER.seesEveryOutlet()).isFalse();
        assertThat(Role.STAFF.seesEveryOutlet()).isFalse();
    }

    @Test
    void aUserActsWithItsRoleAndOutlets() {
        User user = new User(
                UUID.randomUUID(),
                "Ana",
                Email.of("ana@example.com"),
                Role.STAFF,
                List.of(CENTRE),
                Optional.empty(),
                Instant.EPOCH);

        Actor actor = user.asActor();

        assertThat(actor.userId()).isEqualTo(user.id());
        assertThat(actor.name()).isEqualTo("Ana");
        assertThat(actor.role()).isEqualTo(Role.STAFF);
        assertThat(actor.outletIds()).containsExactly(CENTRE);
    }

    @Test
    void makesUniqueTokensWithThePrefix() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String token = ApiTokens.newToken();
            assertThat(token).startsWith("stl_").hasSize(4 + 43).matches("stl_[A-Za-z0-9_-]{43}");
            tokens.add(token);
        }

        assertThat(tokens).hasSize(1_000);
    }

    @Test
    void hashesATokenToSixtyFourHexCharactersTheSameWayEveryTime() {
        String token = ApiTokens.newToken();

        String hash = ApiTokens.hash(token);

        assertThat(hash).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(ApiTokens.hash(token)).isEqualTo(hash);
        assertThat(ApiTokens.hash(ApiTokens.newToken())).isNotEqualTo(hash);
    }

    @Test
    void hashesWithSha256() {
        assertThat(ApiTokens.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
