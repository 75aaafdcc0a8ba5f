package org.storeline.channels.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.Platform;

/**
 * One online-store platform, seen from Storeline. Each platform module implements it; its classes carry
 * the platform's name and its JSON types never leave the module: the mapper turns them into
 * {@link ChannelOrder}, Storeline's canonical order.
 *
 * <p>Contract, checked for every platform by the shared contract tests:
 * <ul>
 *   <li>{@link #verify} decides on the raw bytes, in constant time, before anything is parsed;</li>
 *   <li>{@link #read} is cheap and never calls the platform: it runs on stored deliveries;</li>
 *   <li>{@link #resolve}, {@link #fetchOrder} and {@link #listOrders} call the platform through
 *       {@link PlatformHttp}, which retries 429 and 5xx, and throw {@link PlatformCallException} when
 *       the platform cannot or will not answer;</li>
 *   <li>the same delivery always maps to the same order (same id, same {@code updatedAt}).</li>
 * </ul>
 */
public interface Connector {
    Platform platform();

    /** The credential names this platform needs (checked when a channel is created, without any call). */
    List<String> requiredCredentials();

    /** Checks a delivery's signature over its raw bytes with the channel's webhook secret. */
    Verification verify(WebhookDelivery delivery, ChannelConnection connection);

    /** What a verified delivery is about. */
    DeliveryEvent read(WebhookDelivery delivery);

    /**
     * The order an order event is about: mapped from the delivery's body where the platform sends the whole
     * order, fetched from the platform where it sends only ids (BigCommerce, Ecwid).
     */
    ChannelOrder resolve(DeliveryEvent event, WebhookDelivery delivery, ChannelConnection connection);

    ChannelOrder fetchOrder(String externalOrderId, ChannelConnection connection);

    /** Orders modified in a time range, a page at a time, through the platform's list API. */
    OrderPage listOrders(OrderQuery query, ChannelConnection connection);

    /** Registers our webhooks where the platform's API allows it, and checks the credentials. */
    Registration register(ChannelConnection connection, URI webhookUrl);

    /**
     * Removes the webhooks {@link #register} set up for {@code webhookUrl}, as the channel is unlinked. Never throws: a
     * refusal or an outage is a failed unregistration, logged while the unlink goes ahead. This default removes
     * nothing and says so; platforms whose API allows it override it.
     */
    default Unregistration unregister(ChannelConnection connection, URI webhookUrl) {
        return Unregistration.notSupported(
                "Storeline does not remove " + platform().wireName() + " webhooks: remove those that deliver to "
                        + webhookUrl + " in the platform's admin.");
    }

    /**
     * How the platform names the store these settings reach, without calling it: linking the same identity again
     * after an unlink continues the same store (SOR-5). This default is the site of the base URL
     * ({@link StoreIdentities#site}); platforms whose store is named by a credential override it.
     */
    default String storeIdentity(URI baseUrl, Map<String, String> credentials) {
        return StoreIdentities.site(baseUrl, "");
    }

    /** Whether {@code newIdentity} names the store a channel of {@code identity} linked: the same identity. */
    default boolean isSameStore(String identity, String newIdentity) {
        return identity.equals(newIdentity);
    }

    /** What Storeline sends to this platform (stock, prices, status); empty while the module sends nothing. */
    default Optional<ChannelOutbound> outbound() {
        return Optional.empty();
    }

    /**
     * Shapes the credentials for storage: names and values are trimmed (keys pasted from a platform's admin
     * often carry a space or a newline); an unknown key is kept (platform options). A connector that shapes
     * some value further starts from this.
     */
    default Map<String, String> normalizeCredentials(Map<String, String> credentials) {
        Map<String, String> trimmed = new LinkedHashMap<>();
        credentials.forEach((name, value) -> trimmed.put(name.trim(), value == null ? null : value.trim()));
        return trimmed;
    }
}
