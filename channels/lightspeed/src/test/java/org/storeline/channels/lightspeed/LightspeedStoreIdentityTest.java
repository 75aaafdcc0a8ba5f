package org.storeline.channels.lightspeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.PlatformHttp;

class LightspeedStoreIdentityTest {
    private static final URI EU = URI.create("https://api.webshopapp.com/nl/");

    private final LightspeedConnector connector = new LightspeedConnector(PlatformHttp.standard());

    @Test
    void aShopIdNamesTheShopOnItsCluster() {
        String identity = connector.storeIdentity(EU, Map.of("api_key", "k1", "api_secret", "s", "shop_id", "4711"));

        assertThat(identity).isEqualTo("api.webshopapp.com/shop/4711");
        assertThat(connector.storeIdentity(
                        URI.create("https://api.shoplightspeed.com/us/"),
                        Map.of("api_key", "k1", "api_secret", "s", "shop_id", "4711")))
                .isNotEqualTo(identity);
        assertThat(connector.isSameStore(identity, "api.webshopapp.com/shop/4712"))
                .isFalse();
    }

    @Test
    void withoutAShopIdTheKeyNamesTheShopUnshownAndMayBeReplacedOnTheSameCluster() {
        String identity = connector.storeIdentity(EU, Map.of("api_key", "the-api-key", "api_secret", "s"));
        String newKey = connector.storeIdentity(EU, Map.of("api_key", "a-new-key", "api_secret", "s"));

        assertThat(identity).startsWith("api.webshopapp.com/key:").doesNotContain("the-api-key");
        assertThat(connector.isSameStore(identity, newKey)).isTrue();
        assertThat(connector.isSameStore(identity, "api.webshopapp.com/shop/4711"))
                .isTrue();
        assertThat(connector.isSameStore(identity, "api.shoplightspeed.com/shop/4711"))
                .isFalse();
    }
}
