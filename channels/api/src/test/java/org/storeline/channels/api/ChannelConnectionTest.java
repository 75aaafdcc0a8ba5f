package org.storeline.channels.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.storeline.core.error.StorelineException;

class ChannelConnectionTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        "https://example.myshopify.com,            /admin/api/2025-07/orders/1.json,  "
                + "https://example.myshopify.com/admin/api/2025-07/orders/1.json",
        "https://example.myshopify.com/,           /admin/api/2025-07/orders/1.json,  "
                + "https://example.myshopify.com/admin/api/2025-07/orders/1.json",
        "https://example.myshopify.com/admin,      /admin/api/2025-07/orders/1.json,  "
                + "https://example.myshopify.com/admin/api/2025-07/orders/1.json",
        "https://example.myshopify.com/admin/api/2024-01/, /admin/api/2025-07/orders/1.json, "
                + "https://example.myshopify.com/admin/api/2025-07/orders/1.json",
        "https://api.bigcommerce.com,              /stores/abc123/v2/orders/7,         "
                + "https://api.bigcommerce.com/stores/abc123/v2/orders/7",
        "https://api.bigcommerce.com/stores/abc123, /stores/abc123/v2/orders/7,        "
                + "https://api.bigcommerce.com/stores/abc123/v2/orders/7",
        "https://api.bigcommerce.com/stores/abc123/v3/, /stores/abc123/v2/orders/7,    "
                + "https://api.bigcommerce.com/stores/abc123/v2/orders/7",
        "https://app.ecwid.com/api/v3/1003,        /api/v3/1003/orders/XJ12H,          "
                + "https://app.ecwid.com/api/v3/1003/orders/XJ12H",
        "https://shop.example.com/wp-json/wc/v3,   /wp-json/wc/v3/orders?page=2,       "
                + "https://shop.example.com/wp-json/wc/v3/orders?page=2",
        "https://shop.example.com/winkel,          /wp-json/wc/v3/orders/727,          "
                + "https://shop.example.com/winkel/wp-json/wc/v3/orders/727",
        "https://api.webshopapp.com/nl/,           /nl/orders/1623550.json,            "
                + "https://api.webshopapp.com/nl/orders/1623550.json",
        "http://127.0.0.1:8089/fake,               /nl/orders/1623550.json,            "
                + "http://127.0.0.1:8089/fake/nl/orders/1623550.json",
    })
    void theApiPathIsAppendedOnceEvenWhenThePastedBaseUrlAlreadyStartsIt(String base, String path, String expected) {
        ChannelConnection connection = new ChannelConnection("c", URI.create(base), Map.of(), "secret");

        assertThat(connection.resolve(path)).hasToString(expected);
    }

    @Test
    void theCurrencyCredentialIsReadInAnyCaseAndTheFallbackStandsInWhenItIsNotSet() {
        Currency eur = Currency.getInstance("EUR");

        assertThat(connection(Map.of("currency", " usd ")).currency(eur)).isEqualTo(Currency.getInstance("USD"));
        assertThat(connection(Map.of("currency", "")).currency(eur)).isEqualTo(eur);
        assertThat(connection(Map.of()).currency(eur)).isEqualTo(eur);
        assertThatThrownBy(() -> connection(Map.of("currency", "euro")).currency(eur))
                .isInstanceOf(StorelineException.class)
                .hasMessageContaining("credentials.currency 'euro'");
    }

    private static ChannelConnection connection(Map<String, String> credentials) {
        return new ChannelConnection("c", URI.create("https://shop.example.com"), credentials, "secret");
    }
}
