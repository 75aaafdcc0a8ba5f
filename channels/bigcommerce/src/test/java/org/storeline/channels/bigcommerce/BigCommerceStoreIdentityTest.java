package org.storeline.channels.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.PlatformHttp;

class BigCommerceStoreIdentityTest {
    private final BigCommerceConnector connector = new BigCommerceConnector(PlatformHttp.standard());

    @Test
    void theStoreIsItsHashWhateverHostItsApiIsCalledOn() {
        String identity = connector.storeIdentity(
                URI.create("https://api.bigcommerce.com"), Map.of("store_hash", "ABC123", "access_token", "t"));

        assertThat(identity).isEqualTo("abc123");
        assertThat(connector.storeIdentity(
                        URI.create("http://127.0.0.1:9"),
                        Map.of("store_hash", "stores/abc123/v3/", "access_token", "x")))
                .isEqualTo(identity);
        assertThat(connector.isSameStore(identity, "def456")).isFalse();
    }
}
