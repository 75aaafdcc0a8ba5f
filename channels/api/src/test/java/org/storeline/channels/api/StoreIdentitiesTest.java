package org.storeline.channels.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class StoreIdentitiesTest {
    @Test
    void aHostIsLowerCasedAndKeepsOnlyAPortThatIsNotTheSchemesDefault() {
        assertThat(StoreIdentities.host(URI.create("https://Shop.Example.com:443/x")))
                .isEqualTo("shop.example.com");
        assertThat(StoreIdentities.host(URI.create("http://shop.example.com:80")))
                .isEqualTo("shop.example.com");
        assertThat(StoreIdentities.host(URI.create("http://127.0.0.1:8089/"))).isEqualTo("127.0.0.1:8089");
    }

    @Test
    void aSiteIsItsHostAndPathWithoutSchemeTrailingSlashesOrTheApiPath() {
        assertThat(StoreIdentities.site(URI.create("https://example.com/shop//"), "/wp-json"))
                .isEqualTo("example.com/shop");
        assertThat(StoreIdentities.site(URI.create("http://example.com/shop/wp-json/wc/v3?x=1"), "/wp-json"))
                .isEqualTo("example.com/shop");
        assertThat(StoreIdentities.site(URI.create("https://example.com"), "")).isEqualTo("example.com");
    }

    @Test
    void aFingerprintIsShortStableAndDoesNotShowTheCredential() {
        String print = StoreIdentities.fingerprint("my-api-key");

        assertThat(print)
                .hasSize(16)
                .isEqualTo(StoreIdentities.fingerprint("my-api-key"))
                .doesNotContain("api");
        assertThat(StoreIdentities.fingerprint("another-key")).isNotEqualTo(print);
    }
}
