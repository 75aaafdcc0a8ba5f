package org.storeline.core.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.CustomerRepository;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentRepository;
import org.storeline.core.notification.Notification;
import org.storeline.core.notification.NotificationRepository;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleRepository;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;

/**
 * What the live event stream carries (SCN-2's "in real time", the bell of NTF-1): the outbox's
 * {@code fulfillment.created}, {@code fulfillment.changed} and {@code notification.raised}, each with what it is
 * about as it is now, for the outlets a user may see (NTF-2, FUL-9).
 *
 * <p>Read in two ways: {@link #next} for the one reader of a server process, which reads every outlet's events once
 * and hands them to all of its streams; {@link #visibleAfter} for one stream catching up after a reconnect, filtered
 * by the user's outlets in SQL. The outbox is the only source: a stream resumes from any position it kept, on any
 * process, for {@link #RETENTION} and {@link #MAX_REPLAY} events at most ({@link #start}).
 */
public final class LiveEvents {
    public static final Set<String> TYPES =
            Set.of(DomainEvent.FULFILLMENT_CREATED, DomainEvent.FULFILLMENT_CHANGED, DomainEvent.NOTIFICATION_RAISED);
    /** How old the first missed event may be for a reconnect to get what it missed. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /** How far behind (positions, every outlet counted) a reconnect may be: beyond, reloading the lists is cheaper. */
    public static final long MAX_REPLAY = 10_000;

    private final DomainEvents outbox;
    private final FulfillmentRepository fulfillments;
    private final SaleRepository sales;
    private final CustomerRepository customers;
    private final NotificationRepository notifications;
    private final Transactions tx;
    private final Clock clock;

    public LiveEvents(
            DomainEvents outbox,
            FulfillmentRepository fulfillments,
            SaleRepository sales,
            CustomerRepository customers,
            NotificationRepository notifications,
            Transactions tx,
            Clock clock) {
        this.outbox = outbox;
        this.fulfillments = fulfillments;
        this.sales = sales;
        this.customers = customers;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
    }

    /** Where a stream starts: after {@code position}. */
    public sealed interface Start {
        long position();
    }

    /** Resumes after this position: a reconnect's Last-Event-ID, or for a new stream the last event so far. */
    public record Resume(long position) implements Start {}

    /** What was missed cannot be replayed (why: {@code reason}); the stream goes on after {@code position}. */
    public record Reset(long position, String reason) implements Start {}

    /** Where a stream that last got {@code lastEventId} (none: a new stream) starts. */
    public Start start(Optional<Long> lastEventId) {
        DomainEvents.Bounds bounds = outbox.bounds();
        if (lastEventId.isEmpty() || lastEventId.get() == bounds.last()) {
            return new Resume(lastEventId.orElse(bounds.last()));
        }
        long last = lastEventId.get();
        if (last > bounds.last() || last < 0) {
            return new Reset(bounds.last(), "Last-Event-ID " + last + " is not an event of this server.");
        }
        if (last + 1 < bounds.first()) {
            return new Reset(bounds.last(), "The events after " + last + " are no longer kept.");
        }
        if (bounds.last() - last > MAX_REPLAY) {
            return new Reset(
                    bounds.last(), "More than " + MAX_REPLAY + " events happened since " + last + ": reload instead.");
        }
        boolean tooOld = outbox.after(last, 1).stream()
                .anyMatch(first -> first.storedAt().isBefore(clock.instant().minus(RETENTION)));
        return tooOld
                ? new Reset(
                        bounds.last(),
                        "The events after " + last + " are older than " + RETENTION.toHours()
                                + " hours: reload instead.")
                : new Resume(last);
    }

    /** Events read after a position, up to {@code upTo} (the last position read, shown or not). */
    public record Batch(long upTo, List<LiveEvent> events, boolean full) {
        public Batch {
            events = List.copyOf(events);
        }
    }

    /**
     * For a process's one reader: up to {@code limit} events of every outlet after {@code position}; those about an
     * outlet no stream wants ({@code wanted}) are passed over without being read further.
     */
    public Batch next(long position, int limit, Predicate<UUID> wanted) {
        List<DomainEvents.Stored> read = outbox.after(position, TYPES, Optional.empty(), limit);
        List<DomainEvents.Stored> kept = read.stream()
                .filter(s -> s.event().outletId().filter(wanted).isPresent())
                .toList();
        return new Batch(upTo(position, read), resolve(kept), read.size() == limit);
    }

    /** For one stream catching up: up to {@code limit} events after {@code position} that the actor may see. */
    public Batch visibleAfter(Actor actor, long position, int limit) {
        List<DomainEvents.Stored> read = outbox.after(position, TYPES, actor.outletFilter(), limit);
        return new Batch(upTo(position, read), resolve(read), read.size() == limit);
    }

    /** The last position given so far. */
    public long head() {
        return outbox.bounds().last();
    }

    private static long upTo(long position, List<DomainEvents.Stored> read) {
        return read.isEmpty() ? position : read.getLast().position();
    }

    /** What the events are about, as it is now, in a handful of queries whatever the batch's size. */
    private List<LiveEvent> resolve(List<DomainEvents.Stored> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        return tx.inTransaction(() -> {
            Function<UUID, Optional<Current>> current = fulfillmentsNow(stored);
            Map<UUID, Notification> raised =
                    byId(load(ids(stored, "notification_id", true), notifications::findByIds), Notification::id);
            Map<UUID, Map<UUID, Instant>> readers =
                    raised.isEmpty() ? Map.of() : notifications.readers(raised.keySet());
            List<LiveEvent> events = new ArrayList<>();
            for (DomainEvents.Stored s : stored) {
                Map<String, Object> payload = s.event().payload();
                if (s.event().type().equals(DomainEvent.NOTIFICATION_RAISED)) {
                    Optional.ofNullable(raised.get(uuid(payload.get("notification_id"))))
                            .ifPresent(n -> events.add(new LiveEvent.NotificationRaised(
                                    s.position(), n, readers.getOrDefault(n.id(), Map.of()))));
                } else {
                    current.apply(uuid(payload.get("fulfillment_id")))
                            .ifPresent(now -> events.add(new LiveEvent.FulfillmentNow(
                                    s.position(), now.fulfillment(), now.sale(), now.customer())));
                }
            }
            return events;
        });
    }

    private record Current(Fulfillment fulfillment, Sale sale, Optional<Customer> customer) {}

    /** The fulfillments these events are about, with their sales and customers, loaded together. */
    private Function<UUID, Optional<Current>> fulfillmentsNow(List<DomainEvents.Stored> stored) {
        Map<UUID, Fulfillment> byId =
                byId(load(ids(stored, "fulfillment_id", false), fulfillments::findByIds), Fulfillment::id);
        Map<UUID, Sale> salesById = byId(
                load(byId.values().stream().map(Fulfillment::saleId).collect(Collectors.toSet()), sales::findByIds),
                Sale::id);
        Map<UUID, Customer> customersById = byId(
                load(
                        salesById.values().stream()
                                .flatMap(s -> s.customerId().stream())
                                .collect(Collectors.toSet()),
                        customers::findByIds),
                Customer::id);
        return id -> Optional.ofNullable(id == null ? null : byId.get(id))
                .flatMap(f -> Optional.ofNullable(salesById.get(f.saleId()))
                        .map(sale -> new Current(f, sale, sale.customerId().map(customersById::get))));
    }

    private static <T> List<T> load(Set<UUID> ids, Function<Set<UUID>, List<T>> finder) {
        return ids.isEmpty() ? List.of() : finder.apply(ids);
    }

    private static Set<UUID> ids(List<DomainEvents.Stored> stored, String field, boolean notifications) {
        return stored.stream()
                .filter(s -> s.event().type().equals(DomainEvent.NOTIFICATION_RAISED) == notifications)
                .map(s -> uuid(s.event().payload().get(field)))
                .filter(id -> id != null)
                .collect(Collectors.toSet());
    }

    private static UUID uuid(Object value) {
        return value instanceof String text ? UUID.fromString(text) : null;
    }

    private static <T> Map<UUID, T> byId(Collection<T> values, Function<T, UUID> id) {
        return values.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }
}
