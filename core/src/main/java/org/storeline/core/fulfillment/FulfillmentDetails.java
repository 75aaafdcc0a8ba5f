package org.storeline.core.fulfillment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.storeline.core.event.DomainEvent;
import org.storeline.core.event.DomainEvents;
import org.storeline.core.orderimport.SaleNotes;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.user.Actor;
import org.storeline.core.user.UserRepository;

/**
 * Everything a fulfillment's details show (FUL-3): its row, the delivery details read from the sale note, the other
 * fulfillments of a split order (FUL-7) and a timeline of what happened to it, from the outbox's events of its sale.
 * Refused like the API for an outlet the actor may not see; the siblings at other outlets are named, not opened.
 */
public final class FulfillmentDetails {
    /** The last events of a sale read for a timeline: a long picking session is summed up, never cut short. */
    static final int TIMELINE_EVENTS = 500;

    private final FulfillmentBoard board;
    private final FulfillmentRepository fulfillments;
    private final OutletService outlets;
    private final UserRepository users;
    private final DomainEvents events;

    public FulfillmentDetails(
            FulfillmentBoard board,
            FulfillmentRepository fulfillments,
            OutletService outlets,
            UserRepository users,
            DomainEvents events) {
        this.board = board;
        this.fulfillments = fulfillments;
        this.outlets = outlets;
        this.users = users;
        this.events = events;
    }

    /**
     * {@code handsOverOrder}: the reader's counter may hand the whole split pickup order over now, the other outlets'
     * parts packed and brought over ({@link OrderHandOver#offered}).
     */
    public record Details(
            FulfillmentBoard.Row row,
            Outlet outlet,
            Delivery delivery,
            List<Sibling> siblings,
            List<Entry> timeline,
            boolean handsOverOrder) {}

    /** Where and how it goes, as the order gave it; {@code saleNote} is the rest of the note (staff's own lines). */
    public record Delivery(
            Optional<String> shippingMethod,
            List<String> address,
            Optional<String> customerNote,
            List<String> saleNote) {}

    /** One fulfillment of the sale: "1 of 2 · Outlet B"; {@code visible} when the actor may open it. */
    public record Sibling(
            UUID id, int position, int of, String outletName, FulfillmentStatus status, boolean visible) {}

    /** What happened, when: consecutive scans are one entry with their {@code count}. */
    public record Entry(
            Instant at, Kind kind, Optional<FulfillmentStatus> status, Optional<String> userName, int count) {}

    public enum Kind {
        CREATED,
        PICKED,
        ASSIGNED,
        UNASSIGNED,
        NOTE,
        STATUS,
        PAID,
        REFUNDED,
        CANCELLED,
        FULFILLED
    }

    public Details of(Actor actor, UUID id) {
        FulfillmentBoard.Row row = board.row(actor, id);
        Fulfillment f = row.fulfillment();
        Outlet outlet = outlets.get(actor, f.outletId());
        SaleNotes.Details note = SaleNotes.read(row.sale().note());
        Delivery delivery = new Delivery(note.shippingMethod(), note.address(), note.customerNote(), note.other());
        List<Fulfillment> all = fulfillments.findBySale(f.saleId());
        return new Details(row, outlet, delivery, siblings(actor, all), timeline(f), OrderHandOver.offered(f, all));
    }

    private List<Sibling> siblings(Actor actor, List<Fulfillment> all) {
        if (all.size() < 2) {
            return List.of();
        }
        Map<UUID, String> names = new HashMap<>();
        List<Sibling> siblings = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Fulfillment s = all.get(i);
            String name =
                    names.computeIfAbsent(s.outletId(), o -> outlets.require(o).name());
            siblings.add(new Sibling(s.id(), i + 1, all.size(), name, s.status(), actor.canSee(s.outletId())));
        }
        return siblings;
    }

    private List<Entry> timeline(Fulfillment f) {
        List<DomainEvent> mine = events.ofSale(f.saleId(), TIMELINE_EVENTS).stream()
                .map(DomainEvents.Stored::event)
                .filter(e -> about(e, f.id()))
                .toList();
        Set<UUID> assignees = mine.stream()
                .map(e -> e.payload().get("assigned_user_id"))
                .filter(String.class::isInstance)
                .map(v -> UUID.fromString((String) v))
                .collect(Collectors.toSet());
        Map<UUID, String> names = assignees.isEmpty() ? Map.of() : users.namesOf(assignees);
        List<Entry> entries = new ArrayList<>();
        for (DomainEvent e : mine) {
            Entry entry = entry(e, names);
            if (entry == null) {
                continue;
            }
            Entry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
            if (last != null && last.kind() == Kind.PICKED && entry.kind() == Kind.PICKED) {
                entries.set(
                        entries.size() - 1,
                        new Entry(entry.at(), Kind.PICKED, entry.status(), Optional.empty(), last.count() + 1));
            } else {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The events of this fulfillment, and those of its sale as a whole (paid, refunded, cancelled, fulfilled). */
    private static boolean about(DomainEvent e, UUID fulfillmentId) {
        Object id = e.payload().get("fulfillment_id");
        if (id != null) {
            return id.equals(fulfillmentId.toString()) && !e.type().equals(DomainEvent.NOTIFICATION_RAISED);
        }
        return Set.of(
                        DomainEvent.SALE_PAID,
                        DomainEvent.SALE_REFUNDED,
                        DomainEvent.SALE_CANCELLED,
                        DomainEvent.ORDER_FULFILLED)
                .contains(e.type());
    }

    private static Entry entry(DomainEvent e, Map<UUID, String> names) {
        Optional<FulfillmentStatus> status = Optional.ofNullable(e.payload().get("status"))
                .filter(String.class::isInstance)
                .map(s -> FulfillmentStatus.fromWire((String) s));
        Kind kind = switch (e.type()) {
            case DomainEvent.FULFILLMENT_CREATED -> Kind.CREATED;
            case DomainEvent.SALE_PAID -> Kind.PAID;
            case DomainEvent.SALE_REFUNDED -> Kind.REFUNDED;
            case DomainEvent.SALE_CANCELLED -> Kind.CANCELLED;
            case DomainEvent.ORDER_FULFILLED -> Kind.FULFILLED;
            case DomainEvent.FULFILLMENT_CHANGED -> changed(e);
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        Optional<String> who = Optional.ofNullable(e.payload().get("assigned_user_id"))
                .filter(String.class::isInstance)
                .map(v -> names.get(UUID.fromString((String) v)));
        return new Entry(
                e.occurredAt(),
                kind,
                kind == Kind.STATUS || kind == Kind.CREATED ? status : Optional.empty(),
                kind == Kind.ASSIGNED ? who : Optional.empty(),
                1);
    }

    private static Kind changed(DomainEvent e) {
        Object change = e.payload().get("change");
        return switch (change == null ? "" : change.toString()) {
            case "pick" -> Kind.PICKED;
            case "assignee" -> e.payload().get("assigned_user_id") == null ? Kind.UNASSIGNED : Kind.ASSIGNED;
            case "note" -> Kind.NOTE;
            case "status" -> Kind.STATUS;
            default -> null;
        };
    }
}
