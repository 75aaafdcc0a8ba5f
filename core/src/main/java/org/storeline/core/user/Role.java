package org.storeline.core.user;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.storeline.core.error.StorelineException;

/** What a user may do. Admins see every outlet; managers and staff only the outlets they are given. */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    MANAGER(EnumSet.of(
            Permission.MANAGE_CATALOG,
            Permission.MANAGE_REGISTERS,
            Permission.MANAGE_PAYMENT_TYPES,
            Permission.ADJUST_STOCK,
            Permission.OPERATE_REGISTERS,
            Permission.SELL,
            Permission.MANAGE_CUSTOMERS)),
    STAFF(EnumSet.of(Permission.OPERATE_REGISTERS, Permission.SELL, Permission.MANAGE_CUSTOMERS));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean seesEveryOutlet() {
        return this == ADMIN;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String value) {
        if (value != null) {
            for (Role role : values()) {
                if (role.wireName().equals(value.trim())) {
                    return role;
                }
            }
        }
        throw StorelineException.invalid("role must be one of admin, manager, staff; got '" + value + "'.");
    }
}
