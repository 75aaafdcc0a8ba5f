package org.storeline.channels.lightspeed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.channels.api.PlatformJson;
import org.storeline.core.sync.Listing;

/** How the SKUs of a push are found on a Lightspeed shop, and what it costs in requests. */
class LightspeedListingsTest {
    /** A shop of {@code variants} variants: SKU "V-i" for i = 1..n, article code "ART-i"; every request kept. */
    private static class Shop implements LightspeedListings.Reader {
        final List<String> asked = new ArrayList<>();
        final List<ObjectNode> variants = new ArrayList<>();

        Shop(int count) {
            IntStream.rangeClosed(1, count).forEach(i -> variants.add(variant(i, "V-" + i, "ART-" + i)));
        }

        @Override
        public JsonNode get(String path, String what) {
            asked.add(path);
            if (path.equals("/variants/count.json")) {
                return PlatformJson.MAPPER.createObjectNode().put("count", variants.size());
            }
            ObjectNode answer = PlatformJson.MAPPER.createObjectNode();
            ArrayNode list = answer.putArray("variants");
            if (path.startsWith("/variants.json?limit=250&page=")) {
                int page = Integer.parseInt(path.substring(path.lastIndexOf('=') + 1));
                variants.stream().skip((page - 1) * 250L).limit(250).forEach(list::add);
            } else {
                String field = path.substring(path.indexOf('?') + 1, path.indexOf('='));
                String value = path.substring(path.indexOf('=') + 1);
                variants.stream()
                        .filter(v -> v.path(field).asText().equals(value))
                        .forEach(list::add);
            }
            return answer;
        }
    }

    @Test
    void manySkusAreFoundByListingTheShopsVariantsWhenThatTakesFewerRequests() {
        Shop shop = new Shop(600);
        shop.variants.add(variant(9001, "", "ONLY-ART"));
        List<String> skus = new ArrayList<>(
                IntStream.rangeClosed(1, 300).mapToObj(i -> "V-" + i).toList());
        skus.add(" v-555 ");
        skus.add("only-art");
        skus.add("NOT-SOLD");

        Map<String, Listing> found = new LightspeedListings(shop).find(skus);

        assertThat(found).hasSize(302).doesNotContainKey("NOT-SOLD");
        assertThat(found.get("V-7").ids()).containsOnly(Map.entry("variant", "1007"), Map.entry("product", "77"));
        assertThat(found.get(" v-555 ").ids()).containsEntry("variant", "1555");
        assertThat(found.get("only-art").ids()).containsEntry("variant", "10001");
        assertThat(shop.asked)
                .containsExactly(
                        "/variants/count.json",
                        "/variants.json?limit=250&page=1",
                        "/variants.json?limit=250&page=2",
                        "/variants.json?limit=250&page=3");
    }

    @Test
    void aSkuThatIsOneVariantsSkuWinsOverAnotherVariantsArticleCode() {
        Shop shop = new Shop(5);
        shop.variants.add(0, variant(50, "OTHER", "V-3"));

        Map<String, Listing> found = new LightspeedListings(shop).find(List.of("V-1", "V-2", "V-3", "V-4"));

        assertThat(found.get("V-3").ids()).containsEntry("variant", "1003");
    }

    @Test
    void aShopWithMorePagesOfVariantsThanSkusIsAskedSkuBySku() {
        Shop shop = new Shop(1_200);

        Map<String, Listing> found = new LightspeedListings(shop).find(List.of("V-1", "V-2", "V-3", "ART-4"));

        assertThat(found).containsOnlyKeys("V-1", "V-2", "V-3", "ART-4");
        assertThat(shop.asked)
                .containsExactly(
                        "/variants/count.json",
                        "/variants.json?sku=V-1",
                        "/variants.json?sku=V-2",
                        "/variants.json?sku=V-3",
                        "/variants.json?sku=ART-4",
                        "/variants.json?articleCode=ART-4");
    }

    @Test
    void aShopThatRefusesToCountItsVariantsIsAskedSkuBySku() {
        Shop shop = new Shop(10) {
            @Override
            public JsonNode get(String path, String what) {
                if (path.equals("/variants/count.json")) {
                    asked.add(path);
                    throw PlatformCallException.refused(what + ": 404 Not found", 404);
                }
                return super.get(path, what);
            }
        };

        Map<String, Listing> found = new LightspeedListings(shop).find(List.of("V-1", "V-2", "V-3", "V-4"));

        assertThat(found).containsOnlyKeys("V-1", "V-2", "V-3", "V-4");
        assertThat(shop.asked).startsWith("/variants/count.json", "/variants.json?sku=V-1");
    }

    @Test
    void aFewSkusAreLookedUpWithoutCountingFirst() {
        Shop shop = new Shop(10);

        new LightspeedListings(shop).find(List.of("V-1", "V-2"));

        assertThat(shop.asked).containsExactly("/variants.json?sku=V-1", "/variants.json?sku=V-2");
    }

    private static ObjectNode variant(int i, String sku, String articleCode) {
        ObjectNode variant = PlatformJson.MAPPER
                .createObjectNode()
                .put("id", 1000 + i)
                .put("sku", sku)
                .put("articleCode", articleCode);
        variant.putObject("product").putObject("resource").put("id", 77);
        return variant;
    }
}
