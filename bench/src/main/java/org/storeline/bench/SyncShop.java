package org.storeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.storeline.bench.BenchClient.Call;

/**
 * The shop the sync benchmark changes, all through the public API as a user would set it up: one outlet with its web
 * register, the products {@code SYNC-1 ... SYNC-n}, and one channel per simulated store, linked to the outlet.
 */
final class SyncShop {
    private static final ObjectMapper JSON = new ObjectMapper();

    final String outlet;
    /** The products' ids in Storeline, by number (index 0 unused). */
    final String[] products;
    /** The channels' ids, by platform. */
    final Map<String, String> channels = new LinkedHashMap<>();

    private SyncShop(String outlet, String[] products) {
        this.outlet = outlet;
        this.products = products;
    }

    static SyncShop create(BenchClient admin, int productCount, List<SyncStore> fakes) throws IOException {
        String outlet = created(
                admin,
                "/api/v1/outlets",
                JSON.createObjectNode().put("name", "Sync outlet").put("time_zone", "Europe/Brussels"));
        String register = created(
                admin,
                "/api/v1/registers",
                JSON.createObjectNode().put("outlet_id", outlet).put("name", "Web"));
        String[] products = new String[productCount + 1];
        for (int i = 1; i <= productCount; i++) {
            products[i] = created(
                    admin,
                    "/api/v1/products",
                    JSON.createObjectNode()
                            .put("sku", SyncStore.sku(i))
                            .put("name", "Sync product " + i)
                            .put("price", "9.99")
                            .put("currency", "EUR")
                            .put("tax_rate", "0.21"));
        }
        SyncShop shop = new SyncShop(outlet, products);
        for (SyncStore fake : fakes) {
            ObjectNode channel = JSON.createObjectNode()
                    .put("platform", fake.platform)
                    .put("name", "Bench " + fake.platform)
                    .put("base_url", fake.link().baseUrl())
                    .put("webhook_secret", fake.link().webhookSecret())
                    .put("register_id", register)
                    .put("notifications", false);
            channel.putArray("outlet_ids").add(outlet);
            channel.set("credentials", JSON.valueToTree(fake.link().credentials()));
            shop.channels.put(fake.platform, created(admin, "/api/v1/channels", channel));
        }
        return shop;
    }

    /** The call that sets a product's on-hand at the outlet (a stock count). */
    Call setStock(int product, long quantity) {
        return Call.put(
                "/api/v1/products/" + products[product] + "/stock/" + outlet, "{\"quantity\":" + quantity + "}");
    }

    private static String created(BenchClient admin, String path, ObjectNode body) throws IOException {
        BenchClient.Answer answer = admin.send(Call.post(path, body.toString()));
        if (answer.status() != 201) {
            throw new IllegalStateException(path + " answered " + answer.status() + ": " + answer.text());
        }
        JsonNode created = JSON.readTree(answer.body());
        return created.path("id").asText();
    }
}
