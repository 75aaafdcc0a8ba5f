package org.storeline.core.fulfillment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.catalog.Product;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.sale.Sale;
import org.storeline.core.user.User;

/**
 * The work of getting one sale's items from one outlet to the customer (a split order has one per outlet, FUL-7).
 * Items are the sale's product lines to pick (unmatched ones included), never the shipping fee.
 *
 * <p>Life cycle ({@link FulfillmentStatus}): created {@code new} by the order import; the Scanner picks units
 * ({@link #pick}) or a picker is assigned ({@link #assignTo}), which makes it {@code in_progress}; staff mark it
 * {@link #pack packed} (straight from new when picked by hand from the packing slip), then a delivery is
 * {@link #ship shipped} and a pickup {@link #handOver handed over}, both only once its sale is paid in full (FUL-4).
 * It is {@link #cancel cancelled} with its sale. Notes are taken in every state. The caller holds the row locks
 * (the sale first, then the fulfillment) and persists what changed.
 */
public final class Fulfillment {
    private final UUID id;
    private final UUID saleId;
    private final UUID outletId;
    private final FulfillmentType type;
    private final Instant createdAt;
    private final List<Item> items;
    private final List<FulfillmentNote> notes;
    private FulfillmentStatus status;
    private Optional<UUID> assignedUserId;
    private Optional<Tracking> tracking;

    /** A fulfillment with no notes and no tracking yet (the order import makes them so). */
    public Fulfillment(
            UUID id,
            UUID saleId,
            UUID outletId,
            FulfillmentType type,
            FulfillmentStatus status,
            List<Item> items,
            Instant createdAt,
            Optional<UUID> assignedUserId) {
        this(id, saleId, outletId, type, status, items, createdAt, assignedUserId, List.of(), Optional.empty());
    }

    public Fulfillment(
            UUID id,
            UUID saleId,
            UUID outletId,
            FulfillmentType type,
            FulfillmentStatus status,
            List<Item> items,
            Instant createdAt,
            Optional<UUID> assignedUserId,
            List<FulfillmentNote> notes,
            Optional<Tracking> tracking) {
        this.id = Objects.requireNonNull(id, "id");
        this.saleId = Objects.requireNonNull(saleId, "saleId");
        this.outletId = Objects.requireNonNull(outletId, "outletId");
        this.type = Objects.requireNonNull(type, "type");
        this.status = Objects.requireNonNull(status, "status");
        this.items = new ArrayList<>(items);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.assignedUserId = Objects.requireNonNull(assignedUserId, "assignedUserId");
        this.notes = new ArrayList<>(notes);
        this.tracking = Objects.requireNonNull(tracking, "tracking");
    }

    /**
     * The Scanner picks one unit of {@code product}, the product {@code code} names (empty: none does) (SCN-1, SCN-3).
     * The first pick starts the picking. Refused with a message for the picker that names the product and what is
     * left to pick: an unknown code, a product not in this fulfillment, or one already fully picked.
     */
    public Item pick(ScannedCode code, Optional<Product> product) {
        FulfillmentStatus next = status.on(FulfillmentStatus.Event.PICK);
        if (product.isEmpty()) {
            throw new StorelineException(
                    ErrorCode.BARCODE_UNKNOWN,
                    "No product has the barcode or SKU '" + code.value() + "'. " + leftToPick());
        }
        Product scanned = product.get();
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).productId().equals(Optional.of(scanned.id()))) {
                lines.add(i);
            }
        }
        if (lines.isEmpty()) {
            throw new StorelineException(
                    ErrorCode.PRODUCT_NOT_IN_FULFILLMENT,
                    scanned.name() + " (" + scanned.sku() + ") is not in this order at this outlet: put it back. "
                            + leftToPick());
        }
        for (int i : lines) {
            Item item = items.get(i);
            if (item.left() > 0) {
                Item picked = item.withOneMorePicked();
                items.set(i, picked);
                status = next;
                return picked;
            }
        }
        long ordered = lines.stream().mapToLong(i -> items.get(i).quantity()).sum();
        throw new StorelineException(
                ErrorCode.ALREADY_FULLY_PICKED,
                scanned.name() + " (" + scanned.sku() + ") is already fully picked: " + ordered + " of " + ordered
                        + ". Put this one back. " + leftToPick());
    }

    /** Assigns a picker (SCN-2), who must be active and permitted for this outlet; picking starts if it had not. */
    public void assignTo(User user) {
        FulfillmentStatus next = status.on(FulfillmentStatus.Event.ASSIGN);
        if (!user.isActive()) {
            throw new StorelineException(
                    ErrorCode.ASSIGNEE_NOT_PERMITTED,
                    user.name() + " is deactivated, so cannot pick it. Assign someone else, or ask an admin to"
                            + " reactivate " + user.name() + ".");
        }
        if (!user.asActor().canSee(outletId)) {
            throw new StorelineException(
                    ErrorCode.ASSIGNEE_NOT_PERMITTED,
                    user.name() + " is not permitted for this fulfillment's outlet, so cannot pick it. Assign"
                            + " someone who is, or ask an admin to add the outlet to " + user.name() + "'s outlets.");
        }
        assignedUserId = Optional.of(user.id());
        status = next;
    }

    /** Nobody picks it any more; the status stays (picking may have started). */
    public void unassign() {
        status = status.on(FulfillmentStatus.Event.UNASSIGN);
        assignedUserId = Optional.empty();
    }

    /** Adds a fulfillment note (FUL-8); answers it. */
    public FulfillmentNote addNote(String text, Optional<UUID> byUser, Instant at) {
        status = status.on(FulfillmentStatus.Event.ADD_NOTE);
        FulfillmentNote note = new FulfillmentNote(Ids.newId(), text, byUser, at);
        notes.add(note);
        return note;
    }

    /** Marks it packed: from new (picked by hand from the packing slip) or in progress (FUL-3). */
    public void pack() {
        status = status.on(FulfillmentStatus.Event.PACK);
    }

    /** Marks a packed delivery shipped, once {@code sale} (its own) is paid in full (FUL-3, FUL-4). */
    public void ship(Sale sale, Optional<Tracking> tracking) {
        requireType(FulfillmentType.DELIVERY);
        FulfillmentStatus next = status.on(FulfillmentStatus.Event.SHIP);
        requirePaid(sale, "shipped");
        status = next;
        this.tracking = tracking;
    }

    /** Marks a packed pickup picked up by the customer, once {@code sale} (its own) is paid in full. */
    public void handOver(Sale sale) {
        requireType(FulfillmentType.PICKUP);
        FulfillmentStatus next = status.on(FulfillmentStatus.Event.PICK_UP);
        requirePaid(sale, "picked up");
        status = next;
    }

    /** Cancelled with its sale; refused once it is shipped or picked up. */
    public void cancel() {
        status = status.on(FulfillmentStatus.Event.CANCEL);
    }

    private void requireType(FulfillmentType wanted) {
        if (type == wanted) {
            return;
        }
        if (wanted == FulfillmentType.DELIVERY) {
            throw new StorelineException(
                    ErrorCode.FULFILLMENT_NOT_A_DELIVERY,
                    "This fulfillment is a pickup: the customer collects it, so it is not shipped. Mark it picked up"
                            + " (POST /api/v1/fulfillments/" + id + "/pickup) when they do.");
        }
        throw new StorelineException(
                ErrorCode.FULFILLMENT_NOT_A_PICKUP,
                "This fulfillment is a delivery: it is not picked up at the outlet. Mark it shipped (POST"
                        + " /api/v1/fulfillments/" + id + "/ship) when it leaves.");
    }

    private void requirePaid(Sale sale, String done) {
        if (!sale.id().equals(saleId)) {
            throw new IllegalArgumentException("Sale " + sale.id() + " is not the sale of fulfillment " + id);
        }
        if (sale.balance().isPositive()) {
            throw new StorelineException(
                    ErrorCode.PAYMENT_REQUIRED,
                    "Sale " + sale.receiptNumber() + " is not fully paid: "
                            + sale.balance().toDecimalString() + " "
                            + sale.currency().getCurrencyCode() + " is still owed. Take the payment first (POST"
                            + " /api/v1/sales/" + saleId + "/payments, on a register of this outlet), then mark it "
                            + done + ".");
        }
    }

    /** What the picker still has to pick, for the messages that refuse a scan. */
    String leftToPick() {
        List<String> left = items.stream()
                .filter(item -> item.left() > 0)
                .map(item -> item.left() + " × " + item.name() + " (" + item.sku()
                        + (item.productId().isEmpty() ? ", no product: pick it by hand" : "") + ")")
                .toList();
        return left.isEmpty()
                ? "Nothing is left to pick: mark it packed."
                : "Left to pick: " + String.join(", ", left) + ".";
    }

    /**
     * Whether {@code event} may happen now, by the status and the type (only a delivery ships, only a pickup is picked
     * up); payment is checked when it happens. What the Fulfillments page offers.
     */
    public boolean allows(FulfillmentStatus.Event event) {
        return switch (event) {
            case SHIP -> type == FulfillmentType.DELIVERY && status.allows(event);
            case PICK_UP -> type == FulfillmentType.PICKUP && status.allows(event);
            default -> status.allows(event);
        };
    }

    /** How far the Scanner got (FUL-1's "partially picked"). */
    public Picking picking() {
        long picked = items.stream().mapToLong(Item::picked).sum();
        if (picked == 0) {
            return Picking.NOT_STARTED;
        }
        return items.stream().allMatch(item -> item.left() == 0) ? Picking.COMPLETE : Picking.PARTIAL;
    }

    public enum Picking {
        NOT_STARTED,
        PARTIAL,
        COMPLETE
    }

    public boolean isComplete() {
        return status.isComplete();
    }

    public UUID id() {
        return id;
    }

    public UUID saleId() {
        return saleId;
    }

    public UUID outletId() {
        return outletId;
    }

    public FulfillmentType type() {
        return type;
    }

    public FulfillmentStatus status() {
        return status;
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    /** When its order was placed (the date the Fulfillments page shows). */
    public Instant createdAt() {
        return createdAt;
    }

    public Optional<UUID> assignedUserId() {
        return assignedUserId;
    }

    /** Its notes, oldest first. */
    public List<FulfillmentNote> notes() {
        return List.copyOf(notes);
    }

    /** Given when a delivery was shipped, if it was. */
    public Optional<Tracking> tracking() {
        return tracking;
    }

    @Override
    public String toString() {
        return "Fulfillment[" + id + ", " + type.wireName() + ", " + status.wireName() + "]";
    }

    /**
     * A line to pick: how many units of it this outlet sends, how many are picked so far, and the product the line
     * sold (empty for an unmatched line, which the Scanner cannot pick: it is picked by hand).
     */
    public record Item(UUID lineId, String sku, String name, long quantity, long picked, Optional<UUID> productId) {
        public Item {
            Objects.requireNonNull(productId, "productId");
            if (picked < 0 || picked > quantity) {
                throw new IllegalArgumentException(picked + " picked of " + quantity);
            }
        }

        public Item(UUID lineId, String sku, String name, long quantity, long picked) {
            this(lineId, sku, name, quantity, picked, Optional.empty());
        }

        /** Units still to pick. */
        public long left() {
            return quantity - picked;
        }

        Item withOneMorePicked() {
            return new Item(lineId, sku, name, quantity, picked + 1, productId);
        }
    }
}
