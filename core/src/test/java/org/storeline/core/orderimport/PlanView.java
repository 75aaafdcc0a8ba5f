package org.storeline.core.orderimport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.sale.SaleLine;

/**
 * An order plan as the facts a rule of {@link OrderPlannerTest} decides, each written in one line:
 * <ul>
 *   <li>sale: {@code "open at A"}: its status and outlet;</li>
 *   <li>lines: {@code "TEE 2 20.00 product, NO-SUCH 1 8.00 unmatched"}: SKU, quantity, total and kind of each
 *       line;</li>
 *   <li>fulfillments: {@code "A new delivery: TEE*2 | B new delivery: MUG*1"}: outlet, status, type and items (an item
 *       without SKU by its name in quotes);</li>
 *   <li>stock: {@code "TEE@A -2"}: each stock movement;</li>
 *   <li>payments: {@code "12.10 Stripe"} (an offline method shows "-"); payment status:
 *       {@code "partially_paid, balance 71.00"};</li>
 *   <li>dates: {@code "sale 2026-03-02T09:15:00Z, imported 2026-03-02T10:00:00Z, fulfillments ..., payments ..."}: the
 *       sale's created_at and imported_at, then each fulfillment's created_at and each payment's paid_at;</li>
 *   <li>announcements: {@code "A: message"}; remarks: joined by " / ";</li>
 *   <li>links: {@code "variant:v-tee -> TEE"}: the platform ids the plan teaches.</li>
 * </ul>
 */
final class PlanView {
    private final OrderPlannerTest.Shop shop;

    PlanView(OrderPlannerTest.Shop shop) {
        this.shop = shop;
    }

    Map<String, String> of(OrderPlan plan) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put(
                "sale",
                plan.sale().status().wireName() + " at "
                        + shop.outlet(plan.sale().outletId()));
        facts.put("lines", joined(plan.sale().lines().stream().map(PlanView::line), ", "));
        facts.put("fulfillments", joined(plan.fulfillments().stream().map(this::fulfillment), " | "));
        facts.put(
                "stock",
                joined(
                        plan.stockChanges().stream()
                                .map(c -> shop.sku(c.productId()) + "@" + shop.outlet(c.outletId()) + " " + c.delta()),
                        ", "));
        facts.put(
                "payments",
                joined(
                        plan.sale().payments().stream()
                                .map(p -> p.amount().toDecimalString() + " "
                                        + p.processor().orElse("-")),
                        ", "));
        facts.put(
                "payment status",
                plan.sale().paymentStatus().wireName() + ", balance "
                        + plan.sale().balance().toDecimalString());
        facts.put("dates", dates(plan));
        facts.put(
                "announcements",
                joined(plan.announcements().stream().map(a -> shop.outlet(a.outletId()) + ": " + a.message()), " | "));
        facts.put("remarks", String.join(" / ", plan.remarks()));
        facts.put(
                "links",
                joined(
                        plan.newProductLinks().entrySet().stream()
                                .sorted(Map.Entry.comparingByKey())
                                .map(e -> e.getKey() + " -> " + sku(e.getValue())),
                        ", "));
        return facts;
    }

    private static String dates(OrderPlan plan) {
        return "sale " + plan.sale().createdAt() + ", imported "
                + plan.sale().channelOrder().orElseThrow().importedAt()
                + ", fulfillments "
                + joined(plan.fulfillments().stream().map(f -> f.createdAt().toString()), " ")
                + ", payments "
                + joined(plan.sale().payments().stream().map(p -> p.paidAt().toString()), " ");
    }

    private static String line(SaleLine line) {
        String kind = line.shippingFee()
                ? "shipping"
                : line.adjustment()
                        ? "adjustment"
                        : line.unmatched() ? "unmatched" : line.productId().isPresent() ? "product" : "?";
        return line.sku() + " " + line.quantity() + " " + line.total().toDecimalString() + " " + kind;
    }

    private String fulfillment(Fulfillment f) {
        return shop.outlet(f.outletId()) + " " + f.status().wireName() + " "
                + f.type().wireName() + ": " + joined(f.items().stream().map(PlanView::item), " ");
    }

    private static String item(Fulfillment.Item item) {
        return (item.sku().isBlank() ? "'" + item.name() + "'" : item.sku()) + "*" + item.quantity();
    }

    private String sku(UUID productId) {
        return shop.sku(productId);
    }

    private static String joined(Stream<String> parts, String separator) {
        return parts.collect(Collectors.joining(separator));
    }
}
