package org.storeline.core.channel;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.Require;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterService;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/**
 * Creating, reading and changing channels. Creating one never calls the platform: registration follows in the
 * background.
 */
public final class ChannelService {
    private final ChannelRepository channels;
    private final ChannelPlatforms platforms;
    private final OutletService outlets;
    private final RegisterService registers;
    private final Transactions tx;
    private final Clock clock;

    public ChannelService(
            ChannelRepository channels,
            ChannelPlatforms platforms,
            OutletService outlets,
            RegisterService registers,
            Transactions tx,
            Clock clock) {
        this.channels = channels;
        this.platforms = platforms;
        this.outlets = outlets;
        this.registers = registers;
        this.tx = tx;
        this.clock = clock;
    }

    public record NewChannel(
            Platform platform,
            String name,
            String baseUrl,
            Map<String, String> credentials,
            String webhookSecret,
            List<UUID> outletIds,
            UUID registerId,
            Map<String, UUID> shippingMethodOutlets,
            boolean notifications) {}

    public Channel create(Actor actor, NewChannel request) {
        actor.require(Permission.MANAGE_CHANNELS);
        String name = Require.text("name", request.name());
        URI baseUrl = parseBaseUrl(request.baseUrl());
        String secret = Require.text("webhook_secret", request.webhookSecret());
        Map<String, String> credentials = requireCredentials(request.platform(), request.credentials());
        return tx.inTransaction(() -> {
            Register register = registers.require(request.registerId());
            List<UUID> outletIds = new ArrayList<>(new LinkedHashSet<>(request.outletIds()));
            if (!outletIds.contains(register.outletId())) {
                // The online register's outlet is always one of the channel's outlets: it fulfils first (ALC-3).
                outletIds.add(0, register.outletId());
            }
            outletIds.forEach(outlets::require);
            request.shippingMethodOutlets().forEach((method, outletId) -> {
                Require.text("shipping_method_outlets key", method);
                outlets.require(outletId);
            });
            Channel channel = new Channel(
                    Ids.newId(),
                    request.platform(),
                    name,
                    baseUrl,
                    credentials,
                    secret,
                    outletIds,
                    register.id(),
                    request.shippingMethodOutlets(),
                    request.notifications(),
                    Channel.Connection.pending(),
                    Optional.empty(),
                    clock.instant());
            channels.insert(channel);
            return channel;
        });
    }

    /** What a PATCH changes; a field left out stays as it is. */
    public record Changes(Optional<String> name, Optional<Boolean> notifications) {}

    /**
     * Renames the channel or switches its notifications on or off (NTF-3): orders imported after the commit follow
     * the new setting, those imported before keep theirs.
     */
    public Channel update(Actor actor, UUID id, Changes changes) {
        actor.require(Permission.MANAGE_CHANNELS);
        Optional<String> name = changes.name().map(n -> Require.text("name", n));
        return tx.inTransaction(() -> {
            Channel channel = require(id);
            Channel changed = channel.withSettings(
                    name.orElse(channel.name()), changes.notifications().orElse(channel.notifications()));
            channels.updateSettings(id, changed.name(), changed.notifications());
            return changed;
        });
    }

    public Channel get(Actor actor, UUID id) {
        actor.require(Permission.MANAGE_CHANNELS);
        return require(id);
    }

    public Channel require(UUID id) {
        return channels.findById(id)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.CHANNEL_NOT_FOUND, "Channel", id));
    }

    public List<Channel> list(Actor actor) {
        actor.require(Permission.MANAGE_CHANNELS);
        return channels.findAll();
    }

    private Map<String, String> requireCredentials(Platform platform, Map<String, String> given) {
        Map<String, String> credentials = new HashMap<>();
        given.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                credentials.put(key.trim(), value.trim());
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

    private static URI parseBaseUrl(String value) {
        String text = Require.text("base_url", value);
        try {
            URI uri = new URI(text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw StorelineException.invalid(
                    "base_url must be an http(s) URL such as https://example.myshopify.com; got '" + text + "'.");
        }
    }
}
