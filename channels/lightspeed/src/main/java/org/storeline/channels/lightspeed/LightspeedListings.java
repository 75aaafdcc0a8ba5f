package org.storeline.channels.lightspeed;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.storeline.channels.api.PlatformCallException;
import org.storeline.core.sync.Listing;

/**
 * Finds the Lightspeed variants that sell Storeline's SKUs. A few SKUs are looked up one by one
 * ({@code GET /{lang}/variants.json?sku=}, then {@code ?articleCode=}, which many shops fill instead): up to two calls
 * each. For many, the shop's variants are counted ({@code GET /{lang}/variants/count.json}) and, when fewer pages of
 * {@value #PAGE} than SKUs, listed ({@code GET /{lang}/variants.json?limit=250&page=N}) and matched here: a new
 * channel's 1,000 products are then found in five calls instead of up to 2,000, which Lightspeed's 300 per 5 minutes
 * would stretch over half an hour.
 *
 * <p>Only a variant whose field equals the SKU (ignoring case and the SKU's surrounding blanks) is taken: a filter the
 * API ignored would otherwise attach the first variant of the shop. A SKU found as one variant's SKU wins over another
 * variant's article code.
 */
final class LightspeedListings {
    /** Lightspeed's largest page. */
    static final int PAGE = 250;

    /** Up to this many SKUs are looked up one by one without counting the shop's variants first. */
    static final int ONE_BY_ONE = 3;

    /** One {@code GET} below the shop's language, as the outbound makes it: the answer's JSON. */
    interface Reader {
        JsonNode get(String path, String what);
    }

    private final Reader reader;

    LightspeedListings(Reader reader) {
        this.reader = reader;
    }

    Map<String, Listing> find(Collection<String> skus) {
        List<String> wanted =
                skus.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
        if (wanted.size() > ONE_BY_ONE) {
            long pages = Math.ceilDiv(count(), PAGE);
            if (pages < wanted.size()) {
                return byListing(wanted, pages);
            }
        }
        Map<String, Listing> found = new LinkedHashMap<>();
        for (String sku : wanted) {
            lookUp(sku, "sku").or(() -> lookUp(sku, "articleCode")).ifPresent(listing -> found.put(sku, listing));
        }
        return found;
    }

    /** The shop's variants; as many as can be when the shop does not say (then SKU by SKU is cheaper). */
    private long count() {
        try {
            return reader.get("/variants/count.json", "Counting the variants of the Lightspeed shop")
                    .path("count")
                    .asLong(Long.MAX_VALUE);
        } catch (PlatformCallException e) {
            if (e.retryable()) {
                throw e;
            }
            return Long.MAX_VALUE;
        }
    }

    private Map<String, Listing> byListing(List<String> wanted, long pages) {
        Map<String, JsonNode> bySku = new HashMap<>();
        Map<String, JsonNode> byArticleCode = new HashMap<>();
        // One page past the count: variants added since it was read are not missed.
        for (long page = 1; page <= pages + 1; page++) {
            String what = "Listing the variants of the Lightspeed shop, page " + page;
            List<JsonNode> variants = LightspeedClient.items(
                    reader.get("/variants.json?limit=" + PAGE + "&page=" + page, what), "variants", what);
            for (JsonNode variant : variants) {
                key(variant, "sku").ifPresent(key -> bySku.putIfAbsent(key, variant));
                key(variant, "articleCode").ifPresent(key -> byArticleCode.putIfAbsent(key, variant));
            }
            if (variants.size() < PAGE) {
                break;
            }
        }
        Map<String, Listing> found = new LinkedHashMap<>();
        for (String sku : wanted) {
            String key = sku.trim().toLowerCase(Locale.ROOT);
            Optional.ofNullable(bySku.getOrDefault(key, byArticleCode.get(key)))
                    .flatMap(variant -> listing(sku, variant))
                    .ifPresent(listing -> found.put(sku, listing));
        }
        return found;
    }

    private Optional<Listing> lookUp(String sku, String field) {
        String what = "Looking up " + field + " " + sku + " on Lightspeed";
        JsonNode answer = reader.get("/variants.json?" + field + "=" + LightspeedClient.encode(sku), what);
        String key = sku.trim().toLowerCase(Locale.ROOT);
        for (JsonNode variant : LightspeedClient.items(answer, "variants", what)) {
            if (key(variant, field).filter(key::equals).isPresent()) {
                Optional<Listing> listing = listing(sku, variant);
                if (listing.isPresent()) {
                    return listing;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> key(JsonNode variant, String field) {
        return LightspeedOrderMapper.text(variant, field)
                .map(value -> value.trim().toLowerCase(Locale.ROOT))
                .filter(value -> !value.isEmpty());
    }

    private static Optional<Listing> listing(String sku, JsonNode variant) {
        return LightspeedOrderMapper.id(variant, "id").map(id -> {
            Map<String, String> ids = new LinkedHashMap<>();
            ids.put(LightspeedOutbound.VARIANT, id);
            LightspeedOrderMapper.id(variant.path(LightspeedOutbound.PRODUCT).path("resource"), "id")
                    .ifPresent(product -> ids.put(LightspeedOutbound.PRODUCT, product));
            return new Listing(sku, ids);
        });
    }
}
