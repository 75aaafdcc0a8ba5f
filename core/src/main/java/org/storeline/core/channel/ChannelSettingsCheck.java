package org.storeline.core.channel;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.Require;
import org.storeline.core.error.StorelineException;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterService;

/** The checks a channel's settings pass, on creation and on every change. */
final class ChannelSettingsCheck {
    private final ChannelPlatforms platforms;
    private final OutletService outlets;
    private final RegisterService registers;

    ChannelSettingsCheck(ChannelPlatforms platforms, OutletService outlets, RegisterService registers) {
        this.platforms = platforms;
        this.outlets = outlets;
        this.registers = registers;
    }

    Register register(UUID registerId) {
        return registers.require(Require.present("register_id", registerId));
    }

    void outletsExist(List<UUID> outletIds) {
        outletIds.forEach(outlets::require);
    }

    void shippingMethods(Map<String, UUID> methods) {
        methods.forEach((method, outletId) -> {
            Require.text("shipping_method_outlets key", method);
            outlets.require(Require.present("shipping_method_outlets['" + method + "']", outletId));
        });
    }

    /**
     * The channel with the outlets, register and shipping methods a change gives (the others as they are): outlets
     * listed once each, all existing, the online register among them (it records the channel's sales in its outlet,
     * ORD-2, which fulfils first, ALC-3), each shipping method's outlet existing.
     */
    Channel fulfillment(Channel channel, ChannelService.Changes changes) {
        List<UUID> outletIds = changes.outletIds().orElse(channel.outletIds());
        if (changes.outletIds().isPresent()) {
            distinctOutlets(outletIds);
            outletsExist(outletIds);
        }
        Register register = register(changes.registerId().orElse(channel.registerId()));
        if (!outletIds.contains(register.outletId())) {
            throw new StorelineException(
                    ErrorCode.REGISTER_OUTLET_MISMATCH,
                    "The online register " + register.id() + " belongs to outlet " + register.outletId()
                            + ", which is not one of the channel's outlet_ids: the register's outlet records and"
                            + " fulfils the channel's orders. Add that outlet to outlet_ids, or choose a register of"
                            + " one of the channel's outlets.");
        }
        Map<String, UUID> methods = changes.shippingMethodOutlets().orElse(channel.shippingMethodOutlets());
        changes.shippingMethodOutlets().ifPresent(this::shippingMethods);
        return channel.withFulfillment(outletIds, register.id(), methods);
    }

    private static void distinctOutlets(List<UUID> outletIds) {
        if (outletIds.isEmpty()) {
            throw StorelineException.invalid(
                    "outlet_ids must list at least one outlet: the one of the online register.");
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID outlet : outletIds) {
            if (!seen.add(Require.present("outlet_ids[]", outlet))) {
                throw StorelineException.invalid("outlet_ids lists outlet " + outlet
                        + " twice; list each outlet once, in the order they fulfil orders.");
            }
        }
    }

    /**
     * Credentials as stored: {@code given} merged into {@code stored} (trimmed; a null or blank value removes that
     * name), every name the platform needs present, then shaped by its connector.
     */
    Map<String, String> credentials(Platform platform, Map<String, String> stored, Map<String, String> given) {
        Map<String, String> credentials = new HashMap<>(stored);
        given.forEach((key, value) -> {
            String name = key.trim();
            if (value == null || value.isBlank()) {
                credentials.remove(name);
            } else {
                credentials.put(name, value.trim());
            }
        });
        List<String> missing = platforms.requiredCredentials(platform).stream()
                .filter(k -> !credentials.containsKey(k))
                .toList();
        if (!missing.isEmpty()) {
            throw StorelineException.invalid(
                    "credentials for " + platform.wireName() + " need " + String.join(", ", missing) + ".");
        }
        return platforms.normalizeCredentials(platform, credentials);
    }

    /** New credentials for a linked channel: valid for its platform, and still naming the store it linked. */
    Map<String, String> newCredentials(Channel channel, Map<String, String> given) {
        Map<String, String> credentials = credentials(channel.platform(), channel.credentials(), given);
        String before = channel.storeIdentity()
                .orElseGet(() -> platforms.storeIdentity(channel.platform(), channel.baseUrl(), channel.credentials()));
        String after = platforms.storeIdentity(channel.platform(), channel.baseUrl(), credentials);
        if (!platforms.isSameStore(channel.platform(), before, after)) {
            throw new StorelineException(
                    ErrorCode.STORE_IDENTITY_CHANGED,
                    "These credentials reach another store (" + after + ") than the one this channel linked (" + before
                            + "): a channel stays with its store, whose orders it recognises. To connect the other"
                            + " store, link it as a new channel.");
        }
        return credentials;
    }
}
