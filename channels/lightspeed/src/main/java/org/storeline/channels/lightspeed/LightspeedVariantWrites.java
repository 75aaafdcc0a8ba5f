package org.storeline.channels.lightspeed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.storeline.channels.api.ChannelConnection;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.sync.PlatformCall;

/**
 * Writes to several Lightspeed variants (stock levels, prices): {@code PUT /{lang}/variants/bulk.json} with
 * {@code {"variant": [{"id": ..., <fields>}, ...]}}, {@link #MAX_VARIANTS} at a time, so that a burst of levels costs a
 * few calls of Lightspeed's 300 per 5 minutes instead of one per variant; a single write is one
 * {@code PUT /{lang}/variants/{id}.json}.
 *
 * <p>Lightspeed's reference does not describe the bulk endpoint (apps use it; see docs/platforms/lightspeed_ecom.md).
 * So a bulk request Lightspeed refuses as a request (404, 405, 400, 422) is not the end: the same writes go one by one,
 * and the refusal stays in the activity log before them. When they then all succeed, the shop's API does not take bulk
 * writes, and this process writes its variants one by one from then on; when one of them fails, that variant was the
 * cause and bulk writes go on.
 */
final class LightspeedVariantWrites {
    /** Variants per bulk request: a burst of 1,000 levels is 20 calls, one second of Lightspeed's 20 a second. */
    static final int MAX_VARIANTS = 50;

    static final String BULK_PATH = "/variants/bulk.json";

    /** Statuses with which Lightspeed refuses the bulk request as such, not the credentials or the rate. */
    private static final Set<Integer> BULK_REFUSED = Set.of(400, 404, 405, 422);

    /** {@code method path body what}: one request to the shop, as the outbound makes it. */
    interface Exchange {
        PlatformCall put(String path, ObjectNode body, String what);
    }

    /** Shops (base URL and language) found not to take bulk writes. */
    private final Set<String> withoutBulk = ConcurrentHashMap.newKeySet();

    /**
     * Writes {@code fields} (by variant id, in order) to the shop: the calls made. A failure carries the calls made
     * before it: those writes took effect, and the activity log shows them.
     */
    List<PlatformCall> write(Map<String, ObjectNode> fields, ChannelConnection connection, Exchange exchange) {
        if (fields.size() == 1 || withoutBulk.contains(shop(connection))) {
            return oneByOne(fields, exchange);
        }
        List<Map.Entry<String, ObjectNode>> all = new ArrayList<>(fields.entrySet());
        List<PlatformCall> calls = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX_VARIANTS) {
            Map<String, ObjectNode> part = new LinkedHashMap<>();
            all.subList(from, Math.min(all.size(), from + MAX_VARIANTS))
                    .forEach(e -> part.put(e.getKey(), e.getValue()));
            calls.addAll(PlatformCallException.following(calls, () -> inBulk(part, connection, exchange)));
        }
        return calls;
    }

    private List<PlatformCall> inBulk(Map<String, ObjectNode> part, ChannelConnection connection, Exchange exchange) {
        if (part.size() == 1 || withoutBulk.contains(shop(connection))) {
            return oneByOne(part, exchange);
        }
        ObjectNode body = PlatformJson.MAPPER.createObjectNode();
        ArrayNode variants = body.putArray(LightspeedOutbound.VARIANT);
        part.forEach((id, variant) -> {
            ObjectNode entry = variants.addObject();
            // Lightspeed's ids are numbers: sent as one when the id is one.
            if (id.matches("\\d{1,18}")) {
                entry.put("id", Long.parseLong(id));
            } else {
                entry.put("id", id);
            }
            entry.setAll(variant);
        });
        String what = "Updating " + part.size() + " Lightspeed variants at once";
        try {
            return List.of(exchange.put(BULK_PATH, body, what));
        } catch (PlatformCallException e) {
            if (e.retryable() || !BULK_REFUSED.contains(e.status())) {
                throw e;
            }
            List<PlatformCall> calls = new ArrayList<>(e.madeBefore());
            calls.add(new PlatformCall(
                    "PUT",
                    "/" + LightspeedClient.language(connection) + BULK_PATH,
                    e.status(),
                    e.getMessage() + " (the " + part.size() + " variants are written one by one)"));
            calls.addAll(PlatformCallException.following(calls, () -> oneByOne(part, exchange)));
            withoutBulk.add(shop(connection));
            return calls;
        }
    }

    private static List<PlatformCall> oneByOne(Map<String, ObjectNode> fields, Exchange exchange) {
        List<PlatformCall> calls = new ArrayList<>();
        fields.forEach((id, variant) -> {
            ObjectNode body = PlatformJson.MAPPER.createObjectNode();
            body.set(LightspeedOutbound.VARIANT, variant);
            calls.add(PlatformCallException.following(
                    calls,
                    () -> exchange.put(
                            "/variants/" + LightspeedClient.encode(id) + ".json",
                            body,
                            "Updating Lightspeed variant " + id)));
        });
        return calls;
    }

    private static String shop(ChannelConnection connection) {
        return connection.baseUrl() + "/" + LightspeedClient.language(connection);
    }
}
