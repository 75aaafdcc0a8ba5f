package org.storeline.core.channel;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.Require;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterService;
import org.storeline.core.sync.ChannelListings;
import org.storeline.core.sync.SyncOutbox;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/**
 * Creating, reading, changing and unlinking channels. None of it calls the platform: registering (and removing)
 * webhooks follows in the background.
 */
public final class ChannelService {
    /** How long a replaced webhook secret is still accepted, unless a change says otherwise. */
    public static final Duration DEFAULT_SECRET_OVERLAP = Duration.ofHours(24);
    /** The longest a replaced secret may stay valid: a leaked secret must not live on for long. */
    public static final Duration MAX_SECRET_OVERLAP = Duration.ofDays(30);

    private final ChannelRepository channels;
    private final ChannelPlatforms platforms;
    private final ChannelSettingsCheck check;
    private final SyncOutbox outbox;
    private final ChannelListings listings;
    private final Transactions tx;
    private final Clock clock;
    private final Duration secretOverlap;

    public ChannelService(
            ChannelRepository channels,
            ChannelPlatforms platforms,
            OutletService outlets,
            RegisterService registers,
            SyncOutbox outbox,
            ChannelListings listings,
            Transactions tx,
            Clock clock) {
        this(channels, platforms, outlets, registers, outbox, listings, tx, clock, DEFAULT_SECRET_OVERLAP);
    }

    public ChannelService(
            ChannelRepository channels,
            ChannelPlatforms platforms,
            OutletService outlets,
            RegisterService registers,
            SyncOutbox outbox,
            ChannelListings listings,
            Transactions tx,
            Clock clock,
            Duration secretOverlap) {
        this.channels = channels;
        this.platforms = platforms;
        this.check = new ChannelSettingsCheck(platforms, outlets, registers);
        this.outbox = outbox;
        this.listings = listings;
        this.tx = tx;
        this.clock = clock;
        this.secretOverlap = secretOverlap;
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

    /**
     * Links a store. When the same store (same platform, same store identity) was linked before and unlinked since,
     * the new channel continues its store: the orders and products imported then are recognised (SOR-5, BYD-5), and
     * the status changes of its sales still to be told to the store go through the new channel. The platform products
     * the previous channel matched stay matched: the new channel starts with its listings, so that neither its first
     * levels nor the store's stock webhooks wait for products to be looked up by SKU again.
     */
    public Channel create(Actor actor, NewChannel request) {
        actor.require(Permission.MANAGE_CHANNELS);
        String name = Require.text("name", request.name());
        URI baseUrl = parseBaseUrl(request.baseUrl());
        String secret = Require.text("webhook_secret", request.webhookSecret());
        Map<String, String> credentials = check.credentials(request.platform(), Map.of(), request.credentials());
        String identity = platforms.storeIdentity(request.platform(), baseUrl, credentials);
        return tx.inTransaction(() -> {
            Register register = check.register(request.registerId());
            List<UUID> outletIds = new ArrayList<>(new LinkedHashSet<>(request.outletIds()));
            if (!outletIds.contains(register.outletId())) {
                // The online register's outlet is always one of the channel's outlets: it fulfils first (ALC-3).
                outletIds.add(0, register.outletId());
            }
            check.outletsExist(outletIds);
            check.shippingMethods(request.shippingMethodOutlets());
            UUID id = Ids.newId();
            Optional<ChannelRepository.Unlinked> previous = channels.lastUnlinked(request.platform(), identity);
            UUID store = previous.map(ChannelRepository.Unlinked::storeId).orElse(id);
            Channel channel = new Channel(
                    id,
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
                    clock.instant(),
                    store,
                    Optional.of(identity),
                    Optional.empty(),
                    Optional.empty());
            channels.insert(channel);
            // Before the levels are scheduled, which push every listing found: the first push needs no look-up.
            previous.ifPresent(p -> listings.carryOver(p.channelId(), id));
            // The store counts stock of its own until it is sent ours: the levels go out with the link (SOR-3).
            outbox.channelLinked(id);
            if (!store.equals(id)) {
                outbox.storeLinkedAgain(store, id);
            }
            return channel;
        });
    }

    /**
     * What a PATCH changes; a field left out stays as it is. {@code credentials} are merged into the stored ones (a
     * null or blank value removes that credential); {@code secretOverlap} is how long the replaced webhook secret stays
     * valid (the service's default when empty).
     */
    public record Changes(
            Optional<String> name,
            Optional<Boolean> notifications,
            Optional<List<UUID>> outletIds,
            Optional<UUID> registerId,
            Optional<Map<String, UUID>> shippingMethodOutlets,
            Optional<Map<String, String>> credentials,
            Optional<String> webhookSecret,
            Optional<Duration> secretOverlap) {

        public Changes(Optional<String> name, Optional<Boolean> notifications) {
            this(
                    name,
                    notifications,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }

        /** Whether the platform must be set up again: new credentials to check, or a new secret to hand it. */
        public boolean reachesThePlatform() {
            return credentials.isPresent() || webhookSecret.isPresent();
        }
    }

    /**
     * Changes a linked channel's settings, each checked as when it was created. Orders imported after the commit
     * follow them (notifications NTF-3, outlets and register ALC-1..3, ORD-2); those imported before keep theirs.
     * New credentials must reach the same store; a new webhook secret leaves the old one valid for a while. A change of
     * the linked outlets changes the channel's level of the products stocked at them, which goes to the channel in the
     * same transaction (SOR-3).
     */
    public Channel update(Actor actor, UUID id, Changes changes) {
        actor.require(Permission.MANAGE_CHANNELS);
        Optional<String> name = changes.name().map(n -> Require.text("name", n));
        Optional<String> secret = changes.webhookSecret().map(s -> Require.text("webhook_secret", s));
        Duration overlap = changes.secretOverlap().map(ChannelService::overlap).orElse(secretOverlap);
        return tx.inTransaction(() -> {
            Channel channel = linked(channels.findByIdForUpdate(id).orElseThrow(() -> notFound(id)));
            Channel changed = channel.withSettings(
                    name.orElse(channel.name()), changes.notifications().orElse(channel.notifications()));
            if (changes.outletIds().isPresent()
                    || changes.registerId().isPresent()
                    || changes.shippingMethodOutlets().isPresent()) {
                changed = check.fulfillment(changed, changes);
            }
            if (changes.credentials().isPresent()) {
                changed = changed.withCredentials(
                        check.newCredentials(changed, changes.credentials().get()));
            }
            if (secret.isPresent()) {
                changed = changed.rotateWebhookSecret(secret.get(), clock.instant(), overlap);
            }
            channels.update(changed);
            Set<UUID> before = Set.copyOf(channel.outletIds());
            if (!before.equals(Set.copyOf(changed.outletIds()))) {
                Set<UUID> either = new LinkedHashSet<>(before);
                either.addAll(changed.outletIds());
                outbox.outletsChanged(id, either);
            }
            return changed;
        });
    }

    /**
     * Unlinks a channel: it receives nothing more and is no longer reconciled; its sales, activity and deliveries stay.
     * Unlinking an unlinked channel changes nothing. Removing its webhooks on the platform is the caller's next step.
     */
    public Channel unlink(Actor actor, UUID id) {
        actor.require(Permission.MANAGE_CHANNELS);
        return tx.inTransaction(() -> {
            Channel channel = channels.findByIdForUpdate(id).orElseThrow(() -> notFound(id));
            if (!channel.isLinked()) {
                return channel;
            }
            Channel unlinked = channel.unlink(clock.instant(), identity(channel));
            channels.update(unlinked);
            return unlinked;
        });
    }

    public Channel get(Actor actor, UUID id) {
        actor.require(Permission.MANAGE_CHANNELS);
        return require(id);
    }

    /** A channel that still receives orders: an unlinked one answers 409 {@code channel_unlinked}. */
    public Channel getLinked(Actor actor, UUID id) {
        return linked(get(actor, id));
    }

    public Channel require(UUID id) {
        return channels.findById(id).orElseThrow(() -> notFound(id));
    }

    /** The linked channels, or every channel, unlinked ones included. */
    public List<Channel> list(Actor actor, boolean withUnlinked) {
        actor.require(Permission.MANAGE_CHANNELS);
        List<Channel> all = new ArrayList<>(channels.findAll());
        if (withUnlinked) {
            all.addAll(channels.findUnlinked());
        }
        return all;
    }

    public List<Channel> list(Actor actor) {
        return list(actor, false);
    }

    /** How the platform names the channel's store: recorded since it was linked, else worked out again. */
    public String identity(Channel channel) {
        return channel.storeIdentity()
                .orElseGet(() -> platforms.storeIdentity(channel.platform(), channel.baseUrl(), channel.credentials()));
    }

    private static Channel linked(Channel channel) {
        if (!channel.isLinked()) {
            throw new StorelineException(
                    ErrorCode.CHANNEL_UNLINKED,
                    "Channel '" + channel.name() + "' was unlinked at "
                            + channel.unlinkedAt().get()
                            + "; its history can be read but it cannot be changed or used. Link the store again as"
                            + " a new channel: what was imported is recognised.");
        }
        return channel;
    }

    private static StorelineException notFound(UUID id) {
        return StorelineException.notFound(ErrorCode.CHANNEL_NOT_FOUND, "Channel", id);
    }

    private static Duration overlap(Duration requested) {
        if (requested.isNegative() || requested.compareTo(MAX_SECRET_OVERLAP) > 0) {
            throw StorelineException.invalid("webhook_secret_overlap_seconds must be between 0 and "
                    + MAX_SECRET_OVERLAP.toSeconds() + " (30 days); got " + requested.toSeconds() + ".");
        }
        return requested;
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
