package org.storeline.core.statussync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.channel.OrderProgress;
import org.storeline.core.channel.OrderProgress.Fulfillment;
import org.storeline.core.channel.OrderProgress.Payment;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.money.Money;
import org.storeline.core.sale.SaleStatus;
import org.storeline.core.statussync.SaleState.FulfillmentState;
import org.storeline.core.statussync.StatusSyncPlan.Result;
import org.storeline.core.statussync.StatusSyncPlan.Step;

/**
 * Walks every pair of (what the platform shows, the sale here): the table below for the payment words that act
 * (awaiting, paid, cancelled), and the rules every pair must keep for every payment word. A cell reads
 * {@code changes:results}: the changes made to the sale ({@code -} none; {@code pay}, {@code pack}, {@code ship},
 * {@code pick} (picked up), {@code cancel}, joined by +) and one letter per activity entry: A applied, Y already so, N
 * not applied, I ignored (STS-5).
 */
class StatusSyncPlannerTest {
    private static final List<Fulfillment> COLUMNS = List.of(Fulfillment.values());

    /** Our states, by name: the sale's status, whether it is paid, and its fulfillments. */
    private static final Map<String, SaleState> OURS = new LinkedHashMap<>();

    static {
        OURS.put("unpaid delivery new", sale(SaleStatus.OPEN, "20.00", delivery(FulfillmentStatus.NEW)));
        OURS.put("paid delivery new", sale(SaleStatus.OPEN, "0.00", delivery(FulfillmentStatus.NEW)));
        OURS.put("paid delivery picking", sale(SaleStatus.OPEN, "0.00", delivery(FulfillmentStatus.IN_PROGRESS)));
        OURS.put("paid delivery packed", sale(SaleStatus.OPEN, "0.00", delivery(FulfillmentStatus.PACKED)));
        OURS.put("unpaid pickup new", sale(SaleStatus.OPEN, "20.00", pickup(FulfillmentStatus.NEW)));
        OURS.put("paid pickup new", sale(SaleStatus.OPEN, "0.00", pickup(FulfillmentStatus.NEW)));
        OURS.put("unpaid pickup packed", sale(SaleStatus.OPEN, "20.00", pickup(FulfillmentStatus.PACKED)));
        OURS.put("paid pickup packed", sale(SaleStatus.OPEN, "0.00", pickup(FulfillmentStatus.PACKED)));
        OURS.put(
                "paid split, one shipped",
                sale(SaleStatus.OPEN, "0.00", delivery(FulfillmentStatus.SHIPPED), delivery(FulfillmentStatus.NEW)));
        OURS.put("completed delivery", sale(SaleStatus.COMPLETED, "0.00", delivery(FulfillmentStatus.SHIPPED)));
        OURS.put("completed pickup", sale(SaleStatus.COMPLETED, "0.00", pickup(FulfillmentStatus.PICKED_UP)));
        OURS.put("cancelled", sale(SaleStatus.CANCELLED, "0.00", delivery(FulfillmentStatus.CANCELLED)));
    }

    /**
     * Columns: AWAITING, PROCESSING, READY_FOR_PICKUP, OUT_FOR_DELIVERY, SHIPPED, DELIVERED, WILL_NOT_DELIVER,
     * RETURNED, OTHER.
     */
    private static final String AWAITING_PAYMENT = """
            unpaid delivery new    |-:N|-:I|-:N   |-:N   |-:N   |-:N   |-:N|-:N|-:N
            paid delivery new      |-:N|-:I|-:N   |ship:A|ship:A|ship:A|-:N|-:N|-:N
            paid delivery picking  |-:N|-:I|-:N   |ship:A|ship:A|ship:A|-:N|-:N|-:N
            paid delivery packed   |-:N|-:I|-:N   |ship:A|ship:A|ship:A|-:N|-:N|-:N
            unpaid pickup new      |-:N|-:I|pack:A|-:N   |-:N   |-:N   |-:N|-:N|-:N
            paid pickup new        |-:N|-:I|pack:A|-:N   |-:N   |pick:A|-:N|-:N|-:N
            unpaid pickup packed   |-:N|-:I|-:Y   |-:N   |-:N   |-:N   |-:N|-:N|-:N
            paid pickup packed     |-:N|-:I|-:Y   |-:N   |-:N   |pick:A|-:N|-:N|-:N
            paid split, one shipped|-:N|-:I|-:N   |ship:A|ship:A|ship:A|-:N|-:N|-:N
            completed delivery     |-:N|-:N|-:N   |-:N   |-:N   |-:N   |-:N|-:N|-:N
            completed pickup       |-:N|-:N|-:N   |-:N   |-:N   |-:N   |-:N|-:N|-:N
            cancelled              |-:N|-:N|-:N   |-:N   |-:N   |-:N   |-:Y|-:N|-:N
            """;

    private static final String PAID = """
            unpaid delivery new    |pay:A|pay:AI|pay:AN     |pay+ship:AA|pay+ship:AA|pay+ship:AA|pay:AN|pay:AN|pay:A
            paid delivery new      |-:Y  |-:I   |-:N        |ship:A     |ship:A     |ship:A     |-:N   |-:N   |-:Y
            paid delivery picking  |-:Y  |-:I   |-:N        |ship:A     |ship:A     |ship:A     |-:N   |-:N   |-:Y
            paid delivery packed   |-:Y  |-:I   |-:N        |ship:A     |ship:A     |ship:A     |-:N   |-:N   |-:Y
            unpaid pickup new      |pay:A|pay:AI|pay+pack:AA|pay:AN     |pay:AN     |pay+pick:AA|pay:AN|pay:AN|pay:A
            paid pickup new        |-:Y  |-:I   |pack:A     |-:N        |-:N        |pick:A     |-:N   |-:N   |-:Y
            unpaid pickup packed   |pay:A|pay:AI|pay:A      |pay:AN     |pay:AN     |pay+pick:AA|pay:AN|pay:AN|pay:A
            paid pickup packed     |-:Y  |-:I   |-:Y        |-:N        |-:N        |pick:A     |-:N   |-:N   |-:Y
            paid split, one shipped|-:Y  |-:I   |-:N        |ship:A     |ship:A     |ship:A     |-:N   |-:N   |-:Y
            completed delivery     |-:N  |-:N   |-:N        |-:Y        |-:Y        |-:Y        |-:N   |-:N   |-:N
            completed pickup       |-:N  |-:N   |-:N        |-:N        |-:N        |-:Y        |-:N   |-:N   |-:N
            cancelled              |-:N  |-:N   |-:N        |-:N        |-:N        |-:N        |-:Y   |-:N   |-:N
            """;

    /** A cancellation on the platform, whatever its goods say, by our state. */
    private static final Map<String, String> CANCELLED = new LinkedHashMap<>();

    static {
        OURS.keySet().forEach(name -> CANCELLED.put(name, "cancel:A"));
        CANCELLED.put("paid split, one shipped", "-:N");
        CANCELLED.put("completed delivery", "-:N");
        CANCELLED.put("completed pickup", "-:N");
        CANCELLED.put("cancelled", "-:Y");
    }

    @Test
    void everyFulfillmentWordOfAnOrderAwaitingPaymentDoesWhatTheTableSays() {
        assertTable(Payment.AWAITING, AWAITING_PAYMENT);
    }

    @Test
    void everyFulfillmentWordOfAPaidOrderDoesWhatTheTableSays() {
        assertTable(Payment.PAID, PAID);
    }

    @Test
    void aCancelledOrderCancelsAnOpenSaleWhoseGoodsHaveNotLeftWhateverItsFulfillmentSays() {
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (Fulfillment goods : COLUMNS) {
            OURS.forEach((name, sale) -> {
                String key = name + " / CANCELLED / " + goods;
                actual.put(key, cell(plan(Payment.CANCELLED, goods, sale), sale));
                expected.put(key, CANCELLED.get(name));
            });
        }

        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void aRefundOnThePlatformIsNeverTakenInAndAnUnknownPaymentWordActsLikeAwaiting() {
        for (Fulfillment goods : COLUMNS) {
            for (SaleState sale : OURS.values()) {
                StatusSyncPlan refunded = plan(Payment.REFUNDED, goods, sale);
                assertThat(refunded.recordPayment()).isFalse();
                assertThat(refunded.cancel()).isFalse();
                if (sale.status() != SaleStatus.CANCELLED) {
                    assertThat(refunded.findings())
                            .anySatisfy(f -> assertThat(f.result()).isEqualTo(Result.NOT_APPLIED));
                }
                assertThat(cell(plan(Payment.OTHER, goods, sale), sale))
                        .isEqualTo(cell(plan(Payment.AWAITING, goods, sale), sale));
            }
        }
    }

    @Test
    void everyPairKeepsTheRules() {
        for (Payment paid : Payment.values()) {
            for (Fulfillment goods : COLUMNS) {
                OURS.forEach((name, sale) -> {
                    String pair = name + " / " + paid + " / " + goods;
                    StatusSyncPlan plan = plan(paid, goods, sale);
                    assertThat(plan.findings()).as(pair).isNotEmpty();
                    // STS-4, STS-6: a sale cancelled or completed here never changes.
                    if (sale.status() != SaleStatus.OPEN) {
                        assertThat(plan.changesSale()).as(pair).isFalse();
                    }
                    // STS-3: the balance is recorded when, and only when, the platform says paid and it is owed.
                    assertThat(plan.recordPayment())
                            .as(pair)
                            .isEqualTo(paid == Payment.PAID
                                    && sale.status() == SaleStatus.OPEN
                                    && sale.owed().isPositive());
                    // STS-4: cancelled when, and only when, it is cancelled there and no goods have left here.
                    assertThat(plan.cancel())
                            .as(pair)
                            .isEqualTo(paid == Payment.CANCELLED
                                    && sale.status() == SaleStatus.OPEN
                                    && sale.fulfillments().stream()
                                            .noneMatch(f -> f.status().isComplete()));
                    // STS-5: PROCESSING moves nothing.
                    if (goods == Fulfillment.PROCESSING) {
                        assertThat(plan.steps()).as(pair).isEmpty();
                    }
                    plan.steps().forEach(step -> assertAllowed(pair, step, goods, sale, plan.recordPayment()));
                    // An applied change has its entry; no change has none.
                    assertThat(plan.findings().stream().anyMatch(f -> f.result() == Result.APPLIED))
                            .as(pair)
                            .isEqualTo(plan.changesSale());
                });
            }
        }
    }

    @Test
    void applyingAVersionAndThenReceivingItAgainChangesNothingTheSecondTime() {
        // Our own changes come back from the platform as new versions of the order: once the sale matches what the
        // platform shows, the same state is a no-op, never a second payment or a second transition.
        for (Payment paid : Payment.values()) {
            for (Fulfillment goods : COLUMNS) {
                OURS.forEach((name, sale) -> {
                    SaleState after = applied(plan(paid, goods, sale), sale);
                    StatusSyncPlan again = plan(paid, goods, after);

                    assertThat(again.changesSale())
                            .as(name + " / " + paid + " / " + goods + " again")
                            .isFalse();
                });
            }
        }
    }

    @Test
    void anEchoOfOurOwnChangesIsLoggedAsAlreadySo() {
        SaleState packed = OURS.get("paid pickup packed");
        SaleState shipped = OURS.get("completed delivery");
        SaleState pickedUp = OURS.get("completed pickup");
        SaleState cancelled = OURS.get("cancelled");

        assertThat(results(plan(Payment.PAID, Fulfillment.READY_FOR_PICKUP, packed)))
                .containsExactly(Result.ALREADY);
        assertThat(results(plan(Payment.PAID, Fulfillment.SHIPPED, shipped))).containsExactly(Result.ALREADY);
        assertThat(results(plan(Payment.PAID, Fulfillment.DELIVERED, pickedUp))).containsExactly(Result.ALREADY);
        assertThat(results(plan(Payment.PAID, Fulfillment.AWAITING, OURS.get("paid delivery new"))))
                .containsExactly(Result.ALREADY);
        assertThat(results(plan(Payment.CANCELLED, Fulfillment.WILL_NOT_DELIVER, cancelled)))
                .containsExactly(Result.ALREADY);
    }

    @Test
    void theLogSaysWhyAChangeIsRefused() {
        SaleState unpaid = OURS.get("unpaid delivery new");

        assertThat(plan(Payment.AWAITING, Fulfillment.OUT_FOR_DELIVERY, unpaid)
                        .findings()
                        .get(0)
                        .reason())
                .contains("20.00 EUR is still owed")
                .contains("FUL-4")
                .contains("/api/v1/sales/" + unpaid.saleId() + "/payments");
        assertThat(plan(Payment.PAID, Fulfillment.SHIPPED, OURS.get("completed pickup"))
                        .findings()
                        .get(0)
                        .reason())
                .contains("is completed here")
                .contains("STS-6")
                .contains("Ecwid's PAID/SHIPPED");
        assertThat(plan(Payment.AWAITING, Fulfillment.PROCESSING, unpaid)
                        .findings()
                        .get(0)
                        .reason())
                .contains("STS-5");
    }

    // --- the table ---

    private static void assertTable(Payment paid, String table) {
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> rows = table.lines().filter(l -> !l.isBlank()).toList();
        assertThat(rows).hasSize(OURS.size());
        for (String row : rows) {
            List<String> cells =
                    List.of(row.split("\\|")).stream().map(String::trim).toList();
            String name = cells.get(0);
            SaleState sale = OURS.get(name);
            assertThat(sale).as("state '%s'", name).isNotNull();
            for (int i = 0; i < COLUMNS.size(); i++) {
                String key = name + " / " + paid + " / " + COLUMNS.get(i);
                expected.put(key, cells.get(i + 1));
                actual.put(key, cell(plan(paid, COLUMNS.get(i), sale), sale));
            }
        }

        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    private static String cell(StatusSyncPlan plan, SaleState sale) {
        List<String> changes = new ArrayList<>();
        if (plan.recordPayment()) {
            changes.add("pay");
        }
        plan.steps().stream()
                .map(step -> switch (step.target()) {
                    case PACKED -> "pack";
                    case SHIPPED -> "ship";
                    case PICKED_UP -> "pick";
                    default -> "?" + step.target();
                })
                .distinct()
                .forEach(changes::add);
        if (plan.cancel()) {
            changes.add("cancel");
        }
        String letters = plan.findings().stream()
                .map(f -> switch (f.result()) {
                    case APPLIED -> "A";
                    case ALREADY -> "Y";
                    case NOT_APPLIED -> "N";
                    case IGNORED -> "I";
                })
                .collect(Collectors.joining());
        return (changes.isEmpty() ? "-" : String.join("+", changes)) + ":" + letters;
    }

    // --- the rules ---

    /** A step only moves a fulfillment of the sale forward, as the platform's word allows, and never unpaid. */
    private static void assertAllowed(String pair, Step step, Fulfillment goods, SaleState sale, boolean pays) {
        FulfillmentState f = sale.fulfillments().stream()
                .filter(x -> x.id().equals(step.fulfillmentId()))
                .findFirst()
                .orElseThrow();
        assertThat(f.status().isTerminal()).as(pair).isFalse();
        switch (step.target()) {
            case PACKED -> {
                assertThat(goods).as(pair).isEqualTo(Fulfillment.READY_FOR_PICKUP);
                assertThat(f.type()).as(pair).isEqualTo(FulfillmentType.PICKUP);
                assertThat(f.status()).as(pair).isNotEqualTo(FulfillmentStatus.PACKED);
            }
            case SHIPPED, PICKED_UP -> {
                // FUL-4: paid before, or by this very version.
                assertThat(pays || !sale.owed().isPositive()).as(pair).isTrue();
                assertThat(step.target())
                        .as(pair)
                        .isEqualTo(
                                f.type() == FulfillmentType.PICKUP
                                        ? FulfillmentStatus.PICKED_UP
                                        : FulfillmentStatus.SHIPPED);
                assertThat(f.type() == FulfillmentType.PICKUP ? goods == Fulfillment.DELIVERED : goods != null)
                        .as(pair)
                        .isTrue();
                assertThat(goods)
                        .as(pair)
                        .isIn(Fulfillment.OUT_FOR_DELIVERY, Fulfillment.SHIPPED, Fulfillment.DELIVERED);
            }
            default -> throw new AssertionError(pair + ": a step to " + step.target());
        }
    }

    /** The sale as it is once the plan is applied (what the service writes). */
    private static SaleState applied(StatusSyncPlan plan, SaleState sale) {
        Money owed = plan.recordPayment() ? Money.zero(sale.owed().currency()) : sale.owed();
        List<FulfillmentState> fulfillments = new ArrayList<>();
        for (FulfillmentState f : sale.fulfillments()) {
            FulfillmentStatus status = plan.cancel()
                    ? FulfillmentStatus.CANCELLED
                    : plan.steps().stream()
                            .filter(s -> s.fulfillmentId().equals(f.id()))
                            .map(Step::target)
                            .reduce((a, b) -> b)
                            .orElse(f.status());
            fulfillments.add(new FulfillmentState(f.id(), f.type(), status));
        }
        SaleStatus status = sale.status();
        if (plan.cancel()) {
            status = SaleStatus.CANCELLED;
        } else if (status == SaleStatus.OPEN
                && !owed.isPositive()
                && fulfillments.stream().allMatch(f -> f.status().isComplete())) {
            status = SaleStatus.COMPLETED;
        }
        return new SaleState(sale.saleId(), sale.receiptNumber(), status, owed, fulfillments);
    }

    private static List<Result> results(StatusSyncPlan plan) {
        return plan.findings().stream().map(StatusSyncPlan.Finding::result).toList();
    }

    private static StatusSyncPlan plan(Payment paid, Fulfillment goods, SaleState sale) {
        return StatusSyncPlanner.plan("Ecwid", paid + "/" + goods, new OrderProgress(paid, goods), sale);
    }

    private static SaleState sale(SaleStatus status, String owed, FulfillmentState... fulfillments) {
        return new SaleState(UUID.randomUUID(), "W-000001", status, Money.of(owed, "EUR"), List.of(fulfillments));
    }

    private static FulfillmentState delivery(FulfillmentStatus status) {
        return new FulfillmentState(UUID.randomUUID(), FulfillmentType.DELIVERY, status);
    }

    private static FulfillmentState pickup(FulfillmentStatus status) {
        return new FulfillmentState(UUID.randomUUID(), FulfillmentType.PICKUP, status);
    }
}
