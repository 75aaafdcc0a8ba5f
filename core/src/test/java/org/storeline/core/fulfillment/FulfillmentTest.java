package org.storeline.core.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.storeline.core.ErrorAssertions.assertRefused;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.storeline.core.TransitionTable;
import org.storeline.core.catalog.Product;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.customer.Email;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.fulfillment.FulfillmentStatus.Event;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.sale.ChannelOrderRef;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleLine;
import org.storeline.core.user.Role;
import org.storeline.core.user.User;

/**
 * The fulfillment aggregate: every action in every state, for a delivery and for a pickup (the type decides what
 * completes it), then the rules the Scanner and the payment gate add (SCN-1..3, FUL-4).
 */
class FulfillmentTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final UUID OUTLET = UUID.randomUUID();
    private static final PaymentType CASH =
            new PaymentType(UUID.randomUUID(), "Cash", PaymentKind.CASH, Optional.empty(), Instant.EPOCH);

    private final Product tee = product("TEE-1", "Tee");
    private final Product mug = product("MUG-1", "Mug");
    private final Product cap = product("CAP-1", "Cap");
    private final SaleLine teeLine = line(Optional.of(tee.id()), "TEE-1", "Tee", 2);
    private final SaleLine mugLine = line(Optional.of(mug.id()), "MUG-1", "Mug", 1);
    private final SaleLine unmatchedLine = line(Optional.empty(), "OLD-9", "Old poster", 1);
    private final User picker = user(Role.STAFF, List.of(OUTLET));

    /** What a person can do to a fulfillment, each through the aggregate's own method. */
    enum Action {
        SCAN,
        ASSIGN,
        UNASSIGN,
        NOTE,
        PACK,
        SHIP,
        PICK_UP,
        CANCEL
    }

    @TestFactory
    Stream<DynamicTest> aDeliveryFollowsItsTableInEveryStateForEveryAction() {
        return walk(FulfillmentType.DELIVERY);
    }

    @TestFactory
    Stream<DynamicTest> aPickupFollowsItsTableInEveryStateForEveryAction() {
        return walk(FulfillmentType.PICKUP);
    }

    /**
     * The table: each action is the status machine's event, except that a delivery is never picked up and a pickup
     * never shipped, whatever its state (409 with a code of its own).
     */
    private Stream<DynamicTest> walk(FulfillmentType type) {
        TransitionTable<FulfillmentStatus, Action> table = new TransitionTable<>(
                FulfillmentStatus.class, Action.class, (status, action) -> act(type, status, action));
        for (FulfillmentStatus status : FulfillmentStatus.values()) {
            for (Action action : Action.values()) {
                if (type == FulfillmentType.DELIVERY && action == Action.PICK_UP) {
                    table.refused(status, action, ErrorCode.FULFILLMENT_NOT_A_PICKUP);
                } else if (type == FulfillmentType.PICKUP && action == Action.SHIP) {
                    table.refused(status, action, ErrorCode.FULFILLMENT_NOT_A_DELIVERY);
                } else {
                    expected(status, event(action))
                            .ifPresentOrElse(
                                    to -> table.to(status, action, to),
                                    () -> table.refused(status, action, ErrorCode.INVALID_TRANSITION));
                }
            }
        }
        table.assertOneRowForEveryStateAndEvent();
        return table.rows().stream()
                .map(row -> DynamicTest.dynamicTest(type.wireName() + ": " + row, () -> table.assertFollowed(row)));
    }

    /** The row FulfillmentStatusTest writes down for this pair. */
    private static Optional<FulfillmentStatus> expected(FulfillmentStatus status, Event event) {
        return FulfillmentStatusTest.TABLE.rows().stream()
                .filter(row -> row.from() == status && row.event() == event)
                .findFirst()
                .map(TransitionTable.Row::to);
    }

    private static Event event(Action action) {
        return switch (action) {
            case SCAN -> Event.PICK;
            case ASSIGN -> Event.ASSIGN;
            case UNASSIGN -> Event.UNASSIGN;
            case NOTE -> Event.ADD_NOTE;
            case PACK -> Event.PACK;
            case SHIP -> Event.SHIP;
            case PICK_UP -> Event.PICK_UP;
            case CANCEL -> Event.CANCEL;
        };
    }

    /** Does {@code action} to a {@code type} fulfillment in {@code status} whose sale is paid; answers the status. */
    private FulfillmentStatus act(FulfillmentType type, FulfillmentStatus status, Action action) {
        Sale sale = sale();
        pay(sale);
        Fulfillment f = fulfillment(sale, type, status);
        switch (action) {
            case SCAN -> f.pick(new ScannedCode("TEE-1"), Optional.of(tee));
            case ASSIGN -> f.assignTo(picker);
            case UNASSIGN -> f.unassign();
            case NOTE -> f.addNote("Box damaged", Optional.of(picker.id()), NOW);
            case PACK -> f.pack();
            case SHIP -> f.ship(sale, Optional.empty());
            case PICK_UP -> f.handOver(sale);
            case CANCEL -> f.cancel();
        }
        return f.status();
    }

    @Test
    void eachScanPicksOneUnitAndShowsThePickingAsPartialUntilEveryUnitIsPicked() {
        Fulfillment f = fulfillment(sale(), FulfillmentType.DELIVERY, FulfillmentStatus.NEW);
        assertThat(f.picking()).isEqualTo(Fulfillment.Picking.NOT_STARTED);

        Fulfillment.Item picked = f.pick(new ScannedCode("TEE-1"), Optional.of(tee));

        assertThat(picked.picked()).isEqualTo(1);
        assertThat(f.status()).isEqualTo(FulfillmentStatus.IN_PROGRESS);
        assertThat(f.picking()).isEqualTo(Fulfillment.Picking.PARTIAL);
        f.pick(new ScannedCode("TEE-1"), Optional.of(tee));
        f.pick(new ScannedCode("MUG-1"), Optional.of(mug));
        assertThat(f.items()).extracting(Fulfillment.Item::picked).containsExactly(2L, 1L, 0L);
        assertThat(f.picking())
                .as("the unmatched line is still to pick by hand")
                .isEqualTo(Fulfillment.Picking.PARTIAL);
    }

    @Test
    void aScanBeyondTheOrderedQuantityIsRefusedNamingTheProductAndWhatIsLeft() {
        Fulfillment f = fulfillment(sale(), FulfillmentType.DELIVERY, FulfillmentStatus.NEW);
        f.pick(new ScannedCode("TEE-1"), Optional.of(tee));
        f.pick(new ScannedCode("TEE-1"), Optional.of(tee));

        StorelineException refused = refusal(() -> f.pick(new ScannedCode("TEE-1"), Optional.of(tee)));

        assertThat(refused.code()).isEqualTo(ErrorCode.ALREADY_FULLY_PICKED);
        assertThat(refused.getMessage())
                .contains("Tee (TEE-1) is already fully picked: 2 of 2")
                .contains("Left to pick: 1 × Mug (MUG-1), 1 × Old poster (OLD-9, no product: pick it by hand).");
        assertThat(f.items().get(0).picked()).isEqualTo(2);
    }

    @Test
    void aProductNotInTheOrderAndAnUnknownCodeAreRefusedWithoutPickingAnything() {
        Fulfillment f = fulfillment(sale(), FulfillmentType.DELIVERY, FulfillmentStatus.NEW);

        StorelineException notInOrder = refusal(() -> f.pick(new ScannedCode("CAP-1"), Optional.of(cap)));
        StorelineException unknown = refusal(() -> f.pick(new ScannedCode("999"), Optional.empty()));

        assertThat(notInOrder.code()).isEqualTo(ErrorCode.PRODUCT_NOT_IN_FULFILLMENT);
        assertThat(notInOrder.getMessage())
                .contains("Cap (CAP-1) is not in this order")
                .contains("2 × Tee (TEE-1)");
        assertThat(unknown.code()).isEqualTo(ErrorCode.BARCODE_UNKNOWN);
        assertThat(unknown.getMessage()).contains("'999'").contains("Left to pick");
        assertThat(f.status()).isEqualTo(FulfillmentStatus.NEW);
        assertThat(f.picking()).isEqualTo(Fulfillment.Picking.NOT_STARTED);
    }

    @Test
    void aProductSoldOnTwoLinesIsPickedIntoTheFirstLineWithUnitsLeft() {
        Sale sale = sale();
        SaleLine second = line(Optional.of(tee.id()), "TEE-1", "Tee", 1);
        Fulfillment f = new Fulfillment(
                Ids.newId(),
                sale.id(),
                OUTLET,
                FulfillmentType.DELIVERY,
                FulfillmentStatus.NEW,
                List.of(item(teeLine, 1), item(second, 1)),
                NOW,
                Optional.empty());

        f.pick(new ScannedCode("TEE-1"), Optional.of(tee));
        f.pick(new ScannedCode("TEE-1"), Optional.of(tee));

        assertThat(f.items()).extracting(Fulfillment.Item::picked).containsExactly(1L, 1L);
        assertThat(f.picking()).isEqualTo(Fulfillment.Picking.COMPLETE);
    }

    @Test
    void anUnpaidOrderIsNeitherShippedNorHandedOverAndTheMessageSaysToTakeThePaymentFirst() {
        Sale sale = sale();
        Fulfillment delivery = fulfillment(sale, FulfillmentType.DELIVERY, FulfillmentStatus.PACKED);
        Fulfillment pickup = fulfillment(sale, FulfillmentType.PICKUP, FulfillmentStatus.PACKED);

        StorelineException refused = refusal(() -> delivery.ship(sale, Optional.empty()));
        assertRefused(ErrorCode.PAYMENT_REQUIRED, () -> pickup.handOver(sale));

        assertThat(refused.code()).isEqualTo(ErrorCode.PAYMENT_REQUIRED);
        assertThat(refused.getMessage())
                .contains("1-000007 is not fully paid: 8.00 EUR is still owed")
                .contains("Take the payment first (POST /api/v1/sales/" + sale.id() + "/payments");
        assertThat(delivery.status()).isEqualTo(FulfillmentStatus.PACKED);
        assertThat(pickup.status()).isEqualTo(FulfillmentStatus.PACKED);
        sale.applyPayment(CASH, Money.of("6.00", "EUR"), NOW, UUID.randomUUID(), Optional.empty(), Optional.empty());
        assertRefused(ErrorCode.PAYMENT_REQUIRED, () -> delivery.ship(sale, Optional.empty()));
        pay(sale);
        delivery.ship(sale, Optional.empty());
        pickup.handOver(sale);
        assertThat(delivery.status()).isEqualTo(FulfillmentStatus.SHIPPED);
        assertThat(pickup.status()).isEqualTo(FulfillmentStatus.PICKED_UP);
    }

    @Test
    void aPackedDeliveryOffersShippingAndAPackedPickupOffersPickingUpNeverTheOther() {
        Sale sale = sale();
        Fulfillment delivery = fulfillment(sale, FulfillmentType.DELIVERY, FulfillmentStatus.PACKED);
        Fulfillment pickup = fulfillment(sale, FulfillmentType.PICKUP, FulfillmentStatus.PACKED);
        Fulfillment fresh = fulfillment(sale, FulfillmentType.DELIVERY, FulfillmentStatus.NEW);

        assertThat(delivery.allows(FulfillmentStatus.Event.SHIP)).isTrue();
        assertThat(delivery.allows(FulfillmentStatus.Event.PICK_UP)).isFalse();
        assertThat(pickup.allows(FulfillmentStatus.Event.PICK_UP)).isTrue();
        assertThat(pickup.allows(FulfillmentStatus.Event.SHIP)).isFalse();
        assertThat(delivery.allows(FulfillmentStatus.Event.PACK)).isFalse();
        assertThat(fresh.allows(FulfillmentStatus.Event.PACK)).isTrue();
        assertThat(fresh.allows(FulfillmentStatus.Event.SHIP))
                .as("packed first")
                .isFalse();
    }

    @Test
    void shippingKeepsTheTracking() {
        Sale sale = sale();
        pay(sale);
        Fulfillment f = fulfillment(sale, FulfillmentType.DELIVERY, FulfillmentStatus.PACKED);
        Tracking tracking =
                new Tracking(Optional.of("3S123"), Optional.of("PostNL"), Optional.of("https://t.example/3S123"));

        f.ship(sale, Optional.of(tracking));

        assertThat(f.tracking()).contains(tracking);
        assertThat(tracking.noteLine()).isEqualTo("Shipped: PostNL, tracking 3S123, https://t.example/3S123");
    }

    @Test
    void aPickerMustBeActiveAndPermittedForTheOutletAndAssigningStartsThePicking() {
        Fulfillment f = fulfillment(sale(), FulfillmentType.PICKUP, FulfillmentStatus.NEW);

        assertRefused(ErrorCode.ASSIGNEE_NOT_PERMITTED, () -> f.assignTo(user(Role.STAFF, List.of(UUID.randomUUID()))));
        assertRefused(ErrorCode.ASSIGNEE_NOT_PERMITTED, () -> f.assignTo(picker.deactivated(Instant.EPOCH)));
        assertThat(f.status()).isEqualTo(FulfillmentStatus.NEW);
        assertThat(f.assignedUserId()).isEmpty();

        f.assignTo(picker);
        assertThat(f.assignedUserId()).contains(picker.id());
        assertThat(f.status()).isEqualTo(FulfillmentStatus.IN_PROGRESS);
        f.assignTo(user(Role.ADMIN, List.of()));
        f.unassign();
        assertThat(f.assignedUserId()).isEmpty();
        assertThat(f.status()).isEqualTo(FulfillmentStatus.IN_PROGRESS);
    }

    @Test
    void notesAreKeptInTheOrderTheyWereWritten() {
        Fulfillment f = fulfillment(sale(), FulfillmentType.DELIVERY, FulfillmentStatus.SHIPPED);

        f.addNote("  Mug damaged  ", Optional.of(picker.id()), NOW);
        f.addNote("Customer called", Optional.empty(), NOW.plusSeconds(1));

        assertThat(f.notes()).extracting(FulfillmentNote::text).containsExactly("Mug damaged", "Customer called");
        assertRefused(ErrorCode.INVALID_REQUEST, () -> f.addNote(" ", Optional.empty(), NOW));
    }

    private Fulfillment fulfillment(Sale sale, FulfillmentType type, FulfillmentStatus status) {
        return new Fulfillment(
                Ids.newId(),
                sale.id(),
                OUTLET,
                type,
                status,
                List.of(item(teeLine, 2), item(mugLine, 1), item(unmatchedLine, 1)),
                NOW,
                Optional.empty());
    }

    private static Fulfillment.Item item(SaleLine line, long quantity) {
        return new Fulfillment.Item(line.id(), line.sku(), line.name(), quantity, 0, line.productId());
    }

    private Sale sale() {
        return Sale.fromChannel(
                Ids.newId(),
                "1-000007",
                NOW,
                OUTLET,
                UUID.randomUUID(),
                new ChannelOrderRef(UUID.randomUUID(), "42", "42", NOW),
                Money.of("0", "EUR").currency(),
                Optional.empty(),
                List.of(teeLine, mugLine, unmatchedLine),
                "",
                false);
    }

    private static void pay(Sale sale) {
        sale.applyPayment(CASH, sale.balance(), NOW, UUID.randomUUID(), Optional.empty(), Optional.empty());
    }

    private static StorelineException refusal(Runnable call) {
        try {
            call.run();
        } catch (StorelineException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    private static SaleLine line(Optional<UUID> product, String sku, String name, long quantity) {
        return SaleLine.price(
                UUID.randomUUID(),
                product,
                sku,
                name,
                quantity,
                Money.of("2.00", "EUR"),
                Money.of("0", "EUR"),
                TaxRate.NONE,
                false);
    }

    private static Product product(String sku, String name) {
        return new Product(
                UUID.randomUUID(),
                sku,
                name,
                Money.of("2.00", "EUR"),
                TaxRate.NONE,
                List.of("871" + sku),
                false,
                Instant.EPOCH);
    }

    private static User user(Role role, List<UUID> outlets) {
        return new User(
                UUID.randomUUID(), "Pat", Email.of("pat@example.com"), role, outlets, Optional.empty(), Instant.EPOCH);
    }
}
