package org.storeline.channels.ecwid;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storeline.channels.api.PlatformHttp;

class EcwidStoreIdentityTest {
    private final EcwidConnector connector = new EcwidConnector(PlatformHttp.standard());

    @Test
    void theStoreIsItsStoreIdWhateverHostItsApiIsCalledOn() {
        String identity = connector.storeIdentity(
                URI.create("https://app.ecwid.com/api/v3/1003"), Map.of("store_id", "1003", "access_token", "t"));

        assertThat(identity).isEqualTo("1003");
        assertThat(connector.storeIdentity(
                        URI.create("http://127.0.0.1:9"), Map.of("store_id", "1003", "access_token", "other")))
                .isEqualTo(identity);
        assertThat(connector.isSameStore(identity, "1004")).isFalse();
    }
}
