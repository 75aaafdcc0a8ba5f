package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/** Who may connect channels, what a channel answers, and the checks on an import request. */
class ChannelRulesIT {
    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);

    @Test
    void aChannelNeverReturnsItsSecrets() {
        String outlet = shop.outlet("Secrets");
        ApiClient.Response created = admin.post(
                "/api/v1/channels",
                Map.of(
                        "platform",
                        "shopify",
                        "name",
                        Shop.unique("Shop"),
                        "base_url",
                        "http://127.0.0.1:9",
                        "credentials",
                        Map.of("access_token", "shpat_secret", "location_id", "655441491"),
                        "webhook_secret",
                        "very-secret",
                        "outlet_ids",
                        List.of(outlet),
                        "register_id",
                        shop.register(outlet)));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.text()).doesNotContain("shpat_secret").doesNotContain("very-secret");
        assertThat(created.json().path("credential_names").toString())
                .contains("access_token")
                .contains("location_id");
        assertThat(created.json().path("webhook_url").asText()).endsWith("/webhooks/" + created.id());
        assertThat(created.json().path("outlet_ids").get(0).asText()).isEqualTo(outlet);
    }

    @Test
    void missingCredentialsAreNamedAndAnUnknownPlatformRefused() {
        String outlet = shop.outlet("Creds");
        ApiClient.Response missing = admin.post(
                "/api/v1/channels",
                Map.of(
                        "platform",
                        "woocommerce",
                        "name",
                        "W",
                        "base_url",
                        "https://w.example",
                        "credentials",
                        Map.of("consumer_key", "ck"),
                        "webhook_secret",
                        "s",
                        "outlet_ids",
                        List.of(outlet),
                        "register_id",
                        shop.register(outlet)));
        ApiClient.Response unknown = admin.post(
                "/api/v1/channels",
                Map.of(
                        "platform",
                        "magento",
                        "name",
                        "M",
                        "base_url",
                        "https://m.example",
                        "webhook_secret",
                        "s",
                        "outlet_ids",
                        List.of(outlet),
                        "register_id",
                        shop.register(outlet)));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").path("message").asText()).contains("consumer_secret");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("error").path("message").asText()).contains("magento");
    }

    @Test
    void onlyAdminsConnectChannels() {
        String outlet = shop.outlet("Managed");
        ApiClient staff = admin.as(shop.staffToken(outlet));

        ApiClient.Response attempt = staff.post(
                "/api/v1/channels",
                Map.of(
                        "platform",
                        "woocommerce",
                        "name",
                        "W",
                        "base_url",
                        "https://w.example",
                        "credentials",
                        Map.of("consumer_key", "ck", "consumer_secret", "cs"),
                        "webhook_secret",
                        "s",
                        "outlet_ids",
                        List.of(outlet),
                        "register_id",
                        shop.register(outlet)));

        assertThat(attempt.status()).isEqualTo(403);
        assertThat(staff.get("/api/v1/channels").status()).isEqualTo(403);
    }

    @Test
    void anImportWhoseRangeEndsBeforeItStartsIsRefusedBeforeThePlatformIsCalled() {
        String outlet = shop.outlet("Range");
        String channel = shop.wooChannel(shop.register(outlet), List.of(outlet), Map.of(), false, "http://127.0.0.1:9");

        ApiClient.Response response = admin.post(
                "/api/v1/channels/" + channel + "/import",
                Map.of("since", "2026-11-02T00:00:00Z", "until", "2026-11-01T00:00:00Z"));
        ApiClient.Response nothing = admin.post("/api/v1/channels/" + channel + "/import", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").path("message").asText()).contains("until");
        assertThat(nothing.status()).isEqualTo(400);
    }
}
