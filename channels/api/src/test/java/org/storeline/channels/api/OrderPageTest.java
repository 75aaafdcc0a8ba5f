package org.storeline.channels.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.ChannelOrder.OrderPayment;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderDisposition;
import org.storeline.core.money.Money;

class OrderPageTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Optional<String> NEXT = Optional.of("2");

    /** A mapper as small as a platform's: the id, and the total, which must be a number. */
    private static Optional<ChannelOrder> map(JsonNode order) {
        String id =
                PlatformJson.id(order, "id").orElseThrow(() -> PlatformCallException.unreadable("The order has no id"));
        Money total;
        try {
            total = PlatformJson.money(order, "total", EUR);
        } catch (UnreadableFieldException unreadable) {
            throw unreadable.inOrder("Test", id);
        }
        if (order.path("outside").asBoolean(false)) {
            return Optional.empty();
        }
        return Optional.of(new ChannelOrder(
                id,
                id,
                "paid",
                OrderDisposition.IMPORT_PAID,
                Optional.of(Instant.EPOCH),
                Instant.EPOCH,
                EUR,
                Optional.empty(),
                List.of(),
                List.of(),
                Money.zero(EUR),
                total,
                new OrderPayment("manual", false, Optional.empty()),
                Optional.empty(),
                FulfillmentType.PICKUP,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
    }

    private static List<JsonNode> listed(String... orders) {
        return List.of(orders).stream()
                .map(order -> PlatformJson.parse(order, "test order"))
                .toList();
    }

    private static OrderPage read(List<JsonNode> listed, Function<JsonNode, Optional<ChannelOrder>> read) {
        return OrderPage.read(listed, order -> PlatformJson.id(order, "id"), read, NEXT);
    }

    @Test
    void anOrderThatCannotBeReadIsReportedWithItsIdAndReasonAndTheOthersAreKeptInTheirOrder() {
        OrderPage page = read(
                listed(
                        "{\"id\": 1, \"total\": \"10.00\"}",
                        "{\"id\": 2, \"total\": \"12,50\"}",
                        "{\"id\": 3, \"total\": \"7.50\"}"),
                OrderPageTest::map);

        assertThat(page.orders()).extracting(ChannelOrder::externalId).containsExactly("1", "3");
        assertThat(page.unreadable())
                .containsExactly(new OrderPage.UnreadableOrder(
                        Optional.of("2"), "Test order 2 cannot be read: total '12,50' is not a number"));
        assertThat(page.nextPage()).isEqualTo(NEXT);
    }

    @Test
    void anOrderWithoutAnIdIsReportedWithoutOne() {
        OrderPage page = read(listed("{\"total\": \"10.00\"}", "{\"id\": 3, \"total\": \"7.50\"}"), OrderPageTest::map);

        assertThat(page.orders()).extracting(ChannelOrder::externalId).containsExactly("3");
        assertThat(page.unreadable())
                .containsExactly(new OrderPage.UnreadableOrder(Optional.empty(), "The order has no id"));
    }

    @Test
    void anOrderOutsideTheRangeIsLeftOutAndNotReported() {
        OrderPage page = read(
                listed("{\"id\": 1, \"total\": \"10.00\", \"outside\": true}", "{\"id\": 2, \"total\": \"5.00\"}"),
                OrderPageTest::map);

        assertThat(page.orders()).extracting(ChannelOrder::externalId).containsExactly("2");
        assertThat(page.unreadable()).isEmpty();
    }

    @Test
    void aFailureThatMayPassFailsTheWholePageSoThatItIsAskedForAgain() {
        List<JsonNode> orders = listed("{\"id\": 1, \"total\": \"10.00\"}", "{\"id\": 2, \"total\": \"5.00\"}");
        Function<JsonNode, Optional<ChannelOrder>> productsUnavailable = order -> {
            if (PlatformJson.id(order, "id").orElseThrow().equals("2")) {
                throw PlatformCallException.unavailable(
                        "Fetching the products of order 2: the platform answered 503", 503);
            }
            return map(order);
        };

        assertThatThrownBy(() -> read(orders, productsUnavailable))
                .isInstanceOfSatisfying(
                        PlatformCallException.class,
                        e -> assertThat(e.retryable()).isTrue());
    }
}
