package org.storeline.web.channel;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityLog;
import org.storeline.core.channel.Channel;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/**
 * The raw body of a webhook delivery, read with a limit of its own: real orders are far larger than API requests
 * (a WooCommerce order of 5,000 lines is 1.1 MB), so the API's 1 MiB does not apply here. A delivery over the
 * limit is refused with 413, and logged in the channel's activity with what can be known of it without its
 * signature (its size, its topic, the order id its body starts with), so that staff can import the order by hand.
 */
final class DeliveryBody {
    static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final String LIMIT = "16 MiB";
    /** WooCommerce and Shopify orders start with their id: {"id":727,... */
    private static final Pattern LEADING_ID = Pattern.compile("^\\s*\\{\\s*\"id\"\\s*:\\s*\"?(\\d{1,20})\\b");

    private static final int PEEK_BYTES = 200;

    private DeliveryBody() {}

    static byte[] read(Context ctx, Channel channel, ActivityLog activity, Clock clock) {
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new StorelineException(ErrorCode.MALFORMED_REQUEST, "The delivery's body could not be read.");
        }
        if (body.length <= MAX_BYTES) {
            return body;
        }
        long announced = ctx.req().getContentLengthLong();
        String size = announced > MAX_BYTES ? announced + " bytes" : "more than " + MAX_BYTES + " bytes";
        Optional<String> orderId = leadingOrderId(body);
        String reason = reason(channel, size, topic(ctx.headerMap()), orderId);
        activity.record(List.of(ActivityEntry.of(
                channel.id(),
                clock.instant(),
                ActivityEntry.Kind.DELIVERY,
                ActivityEntry.Outcome.FAILED,
                orderId,
                Optional.empty(),
                Optional.empty(),
                reason,
                orderId.isPresent())));
        throw new StorelineException(
                ErrorCode.BODY_TOO_LARGE,
                "The delivery is " + size + ", more than the " + LIMIT
                        + " a delivery may have. It is logged in the channel's activity,"
                        + " so that its order can be imported"
                        + " by hand.");
    }

    private static String reason(Channel channel, String size, Optional<String> topic, Optional<String> orderId) {
        String byHand = "POST /api/v1/channels/" + channel.id() + "/import with {\"order_ids\": [\""
                + orderId.orElse("<order id>") + "\"]}";
        return "delivery refused: its body is " + size + ", more than the " + LIMIT + " a delivery may have"
                + topic.map(t -> " (topic " + t + ")").orElse("")
                + orderId.map(id -> "; its body starts with order " + id + " (unverified: the signature covers the"
                                + " whole body)")
                        .orElse("; its order id could not be read")
                + ". Import the order by hand: " + (orderId.isPresent() ? "retry this entry, or " : "") + byHand + ".";
    }

    /** The delivery's topic, from the header platforms put it in (X-WC-Webhook-Topic, X-Shopify-Topic). */
    private static Optional<String> topic(Map<String, String> headers) {
        return headers.entrySet().stream()
                .filter(h -> h.getKey().toLowerCase(Locale.ROOT).endsWith("-topic"))
                .map(h -> h.getValue().strip())
                .filter(v -> !v.isEmpty() && v.length() <= 100)
                .findFirst();
    }

    private static Optional<String> leadingOrderId(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, PEEK_BYTES), StandardCharsets.UTF_8);
        Matcher id = LEADING_ID.matcher(start);
        return id.find() ? Optional.of(id.group(1)) : Optional.empty();
    }
}
