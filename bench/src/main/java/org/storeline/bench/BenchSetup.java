package org.storeline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The shop the benchmark runs against: outlets, a register, a WooCommerce channel and two staff users
 * through the public API; the 10,000 products and their stock by SQL (setting up is not what is measured).
 */
final class BenchSetup {
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> outlets = new ArrayList<>();
    /** The staff users: user i is permitted for outlet i alone. */
    final List<String> staff = new ArrayList<>();

    String register;
    String channel;

    static BenchSetup create(String baseUrl, String token, DataSource db, int outletCount, int products, String secret)
            throws Exception {
        BenchSetup setup = new BenchSetup();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 1; i <= outletCount; i++) {
            setup.outlets.add(post(
                            http,
                            baseUrl,
                            token,
                            "/api/v1/outlets",
                            "{\"name\":\"Outlet " + i + "\",\"time_zone\":\"Europe/Brussels\"}")
                    .path("id")
                    .asText());
        }
        setup.register = post(
                        http,
                        baseUrl,
                        token,
                        "/api/v1/registers",
                        "{\"outlet_id\":\"" + setup.outlets.get(0) + "\",\"name\":\"Web\"}")
                .path("id")
                .asText();
        String outletList = String.join("\",\"", setup.outlets);
        setup.channel = post(
                        http,
                        baseUrl,
                        token,
                        "/api/v1/channels",
                        "{\"platform\":\"woocommerce\",\"name\":\"Bench shop\","
                                + "\"base_url\":\"http://127.0.0.1:9\","
                                + "\"credentials\":{\"consumer_key\":\"ck\",\"consumer_secret\":\"cs\"},"
                                + "\"webhook_secret\":\"" + secret + "\",\"outlet_ids\":[\"" + outletList
                                + "\"],\"register_id\":\"" + setup.register + "\","
                                + "\"notifications\":true}")
                .path("id")
                .asText();
        for (int i = 0; i < 2; i++) {
            setup.staff.add(post(
                            http,
                            baseUrl,
                            token,
                            "/api/v1/users",
                            "{\"name\":\"Staff " + i + "\",\"email\":\"staff" + i + "@bench.example\","
                                    + "\"role\":\"staff\",\"outlet_ids\":[\"" + setup.outlets.get(i) + "\"]}")
                    .path("id")
                    .asText());
        }
        catalog(db, products, setup.outlets);
        return setup;
    }

    /** A new API token of the user, issued by the admin as an owner would (POST /api/v1/users/{id}/tokens). */
    static String tokenOf(String baseUrl, String adminToken, String userId) throws IOException, InterruptedException {
        return post(HttpClient.newHttpClient(), baseUrl, adminToken, "/api/v1/users/" + userId + "/tokens", "{}")
                .path("token")
                .asText();
    }

    /** A staff user of one outlet who signs in to the web app with email and password. */
    static void createUser(String baseUrl, String adminToken, String email, String password, String outlet)
            throws IOException, InterruptedException {
        post(
                HttpClient.newHttpClient(),
                baseUrl,
                adminToken,
                "/api/v1/users",
                "{\"name\":\"Pages\",\"email\":\"" + email + "\",\"password\":\"" + password
                        + "\",\"role\":\"staff\",\"outlet_ids\":[\"" + outlet + "\"]}");
    }

    private static void catalog(DataSource db, int products, List<String> outlets) throws SQLException {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into product (id, sku, name, price, currency, tax_rate, is_shipping_fee, created_at) "
                            + "select gen_random_uuid(), 'SKU-' || g, 'Product ' || g, 9.99, 'EUR', 0.21, false, now() "
                            + "from generate_series(1, ?) g")) {
                insert.setInt(1, products);
                insert.execute();
            }
            try (PreparedStatement stock =
                    c.prepareStatement("insert into stock_level (product_id, outlet_id, quantity, updated_at) "
                            + "select p.id, o.id, 1000000, now() from product p cross join outlet o "
                            + "where p.sku like 'SKU-%'")) {
                stock.execute();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private static JsonNode post(HttpClient http, String baseUrl, String token, String path, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
