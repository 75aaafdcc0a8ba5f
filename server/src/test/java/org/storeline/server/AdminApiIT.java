package org.storeline.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.storeline.server.support.ApiClient;
import org.storeline.server.support.Shop;
import org.storeline.server.support.TestStoreline;

/**
 * What the owner's screens read through the API too: the users' list, a user's tokens and their revocation, a user's
 * deactivation, the sales by channel and day report, and the channel activity's filters. Every answer is checked
 * against openapi.json.
 */
class AdminApiIT {
    private static final String PASSWORD = "a long enough password";
    private final ApiClient admin = TestStoreline.admin();
    private final Shop shop = new Shop(admin);

    @Test
    void adminsListUsersAndRevokeATokenWhichThenAuthenticatesNothing() {
        String outlet = shop.outlet("Users");
        String staffToken = shop.staffToken(outlet);
        ApiClient staff = admin.as(staffToken);
        String staffId = staff.get("/api/v1/users/me").json().path("id").asText();

        JsonNode users = admin.get("/api/v1/users").json().path("items");
        assertThat(StreamSupport.stream(users.spliterator(), false)
                        .map(u -> u.path("id").asText()))
                .contains(staffId);
        assertThat(staff.get("/api/v1/users").errorCode()).isEqualTo("forbidden");

        JsonNode tokens =
                staff.get("/api/v1/users/" + staffId + "/tokens").json().path("items");
        assertThat(tokens).hasSize(1);
        String tokenId = tokens.get(0).path("id").asText();
        assertThat(tokens.get(0).has("token")).as("never the token itself").isFalse();

        ApiClient.Response revoked = admin.delete("/api/v1/users/" + staffId + "/tokens/" + tokenId);
        assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
        assertThat(revoked.json().path("id").asText()).isEqualTo(tokenId);
        assertThat(staff.get("/api/v1/users/me").status()).isEqualTo(401);
        assertThat(admin.delete("/api/v1/users/" + staffId + "/tokens/" + tokenId)
                        .errorCode())
                .isEqualTo("token_not_found");
        assertThat(admin.get("/api/v1/users/" + staffId + "/tokens").json().path("items"))
                .isEmpty();
    }

    @Test
    void anAdminChangesAUsersRoleAndOutletsWhichApplyAtOnceButNotTheirOwnAdminRole() {
        String first = shop.outlet("Change");
        String second = shop.outlet("Change");
        ApiClient staff = admin.as(shop.staffToken(first));
        String staffId = staff.get("/api/v1/users/me").json().path("id").asText();
        assertThat(staff.get("/api/v1/outlets/" + second).errorCode()).isEqualTo("outlet_forbidden");

        ApiClient.Response changed = admin.patch(
                "/api/v1/users/" + staffId,
                Map.of("name", "Sam Claes", "role", "manager", "outlet_ids", List.of(second, first)));

        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.json().path("name").asText()).isEqualTo("Sam Claes");
        assertThat(changed.json().path("role").asText()).isEqualTo("manager");
        assertThat(changed.json().path("outlet_ids")).hasSize(2);
        assertThat(staff.get("/api/v1/outlets/" + second).status())
                .as("at the next request")
                .isEqualTo(200);
        assertThat(staff.get("/api/v1/users/me").json().path("role").asText()).isEqualTo("manager");

        assertThat(admin.patch("/api/v1/users/" + staffId, Map.of("role", "staff", "outlet_ids", List.of()))
                        .errorCode())
                .isEqualTo("invalid_request");
        assertThat(admin.patch("/api/v1/users/" + staffId, Map.of("email", "new@example.com"))
                        .errorCode())
                .isEqualTo("invalid_request");
        assertThat(admin.patch("/api/v1/users/" + staffId, Map.of("password", "short"))
                        .errorCode())
                .isEqualTo("invalid_request");
        assertThat(admin.patch("/api/v1/users/" + staffId, Map.of("outlet_ids", List.of(staffId)))
                        .errorCode())
                .isEqualTo("outlet_not_found");
        assertThat(staff.patch("/api/v1/users/" + staffId, Map.of("role", "admin"))
                        .errorCode())
                .isEqualTo("forbidden");
        String adminId = admin.get("/api/v1/users/me").json().path("id").asText();
        ApiClient.Response own =
                admin.patch("/api/v1/users/" + adminId, Map.of("role", "staff", "outlet_ids", List.of(first)));
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.errorCode()).isEqualTo("own_admin_role");
        assertThat(admin.get("/api/v1/users/me").json().path("role").asText()).isEqualTo("admin");
    }

    @Test
    void aDeactivatedUsersTokenAndPasswordWorkNoMoreUntilTheyAreReactivatedButNotForTheirOwnAccount() throws Exception {
        String outlet = shop.outlet("Leaver");
        String email = Shop.unique("leaver") + "@example.com";
        ApiClient.Response created = admin.post(
                "/api/v1/users",
                Map.of(
                        "name",
                        "Lee",
                        "email",
                        email,
                        "password",
                        PASSWORD,
                        "role",
                        "staff",
                        "outlet_ids",
                        List.of(outlet)));
        String userId = created.id();
        assertThat(created.json().path("active").asBoolean()).isTrue();
        ApiClient leaver = admin.as(admin.post("/api/v1/users/" + userId + "/tokens", Map.of())
                .json()
                .path("token")
                .asText());
        assertThat(signIn(email).statusCode()).as("signs in before").isEqualTo(303);

        ApiClient.Response deactivated = admin.patch("/api/v1/users/" + userId, Map.of("active", false));

        assertThat(deactivated.status()).as(deactivated.text()).isEqualTo(200);
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();
        ApiClient.Response shutOut = leaver.get("/api/v1/users/me");
        assertThat(shutOut.status()).isEqualTo(401);
        assertThat(shutOut.errorCode()).isEqualTo("unauthenticated");
        HttpResponse<String> refused = signIn(email);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("The email or password is wrong.");
        assertThat(StreamSupport.stream(
                                admin.get("/api/v1/users").json().path("items").spliterator(), false)
                        .filter(u -> u.path("id").asText().equals(userId))
                        .map(u -> u.path("active").asBoolean()))
                .containsExactly(false);
        String adminId = admin.get("/api/v1/users/me").json().path("id").asText();
        ApiClient.Response own = admin.patch("/api/v1/users/" + adminId, Map.of("active", false));
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.errorCode()).isEqualTo("own_account");

        ApiClient.Response reactivated = admin.patch("/api/v1/users/" + userId, Map.of("active", true));

        assertThat(reactivated.json().path("active").asBoolean()).isTrue();
        assertThat(leaver.get("/api/v1/users/me").status())
                .as("the same token again")
                .isEqualTo(200);
        assertThat(signIn(email).statusCode()).isEqualTo(303);
    }

    private HttpResponse<String> signIn(String email) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void salesByChannelAndDayCountsInStoreSalesWithoutAChannelAsJsonAndCsv() {
        String outlet = shop.outlet("Report");
        String register = shop.openRegister(outlet);
        String product = shop.product("10.00", "0");
        assertThat(shop.inStoreSale(outlet, register, product, 3).status()).isEqualTo(201);
        assertThat(shop.inStoreSale(outlet, register, product, 1).status()).isEqualTo(201);

        JsonNode rows = admin.get("/api/v1/reports/sales-by-channel?outlet_id=" + outlet)
                .json()
                .path("items");

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("channel_id").isNull()).isTrue();
        assertThat(rows.get(0).path("sales").asInt()).isEqualTo(2);
        assertThat(rows.get(0).path("returns").asInt()).isZero();
        assertThat(rows.get(0).path("total").asText()).isEqualTo("40.00");
        String csv = admin.send(admin.request("/api/v1/reports/sales-by-channel?outlet_id=" + outlet)
                        .header("Accept", "text/csv")
                        .GET())
                .text();
        assertThat(csv.split("\r\n")[0]).isEqualTo("day,channel_id,channel,currency,sales,returns,total");
        assertThat(csv.split("\r\n")[1]).endsWith(",,,EUR,2,0,40.00");
    }

    @Test
    void theActivityIsFilteredByOutcomeAndKindAndAnUnknownOutcomeIsRefused() {
        String outlet = shop.outlet("Activity");
        String register = shop.register(outlet);
        // No store answers here: the registration fails, a failed registration entry.
        String channel = shop.wooChannel(register, List.of(outlet), Map.of(), true, "http://127.0.0.1:9");
        JsonNode failed = ReturnsIT.await(
                () -> {
                    JsonNode items = admin.get("/api/v1/channels/" + channel + "/activity?outcome=failed")
                            .json()
                            .path("items");
                    return items.isEmpty() ? null : items;
                },
                "a failed entry");

        assertThat(failed)
                .allSatisfy(e -> assertThat(e.path("outcome").asText()).isEqualTo("failed"));
        assertThat(admin.get("/api/v1/channels/" + channel + "/activity?kind=stock&outcome=failed")
                        .json()
                        .path("items"))
                .isEmpty();
        ApiClient.Response refused = admin.get("/api/v1/channels/" + channel + "/activity?outcome=broken");
        assertThat(refused.errorCode()).isEqualTo("invalid_request");
        assertThat(refused.json().path("error").path("message").asText()).contains("outcome must be one of");
    }
}
