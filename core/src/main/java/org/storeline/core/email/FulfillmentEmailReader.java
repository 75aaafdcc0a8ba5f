package org.storeline.core.email;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.CustomerRepository;
import org.storeline.core.customer.Email;
import org.storeline.core.event.DomainEvent;
import org.storeline.core.event.DomainEvents;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentRepository;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.ids.Ids;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletRepository;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleRepository;
import org.storeline.core.transaction.Transactions;

/**
 * Reads the outbox after its cursor and writes the customer emails its events call for (FUL-6): a
 * {@code fulfillment.changed} whose {@code status} is {@code shipped} for a delivery, or {@code packed} for a pickup.
 * Whoever published the event does not matter. The emails and the cursor's move are written in one transaction with
 * the cursor locked, and an email is unique per (fulfillment, kind), so each event is read once and each fulfillment
 * gets each email once however often its status is repeated. The email is written even when it cannot go (no address,
 * emails off): skipped, with the reason, so the sale's list says why nothing was sent.
 */
public final class FulfillmentEmailReader {
    static final String NO_CUSTOMER = "The sale has no customer to email.";
    static final String NO_ADDRESS = "The customer has no email address.";
    static final String EMAILS_OFF = "Customer emails are off in the store's settings.";

    /** Events read per transaction, and transactions per run at most: a backlog is read over a few runs. */
    private static final int BATCH = 200;

    private static final int BATCHES_PER_RUN = 10;

    private final DomainEvents outbox;
    private final CustomerEmailRepository emails;
    private final EmailSettingsRepository settings;
    private final FulfillmentRepository fulfillments;
    private final SaleRepository sales;
    private final CustomerRepository customers;
    private final OutletRepository outlets;
    private final Transactions tx;
    private final Clock clock;

    public FulfillmentEmailReader(
            DomainEvents outbox,
            CustomerEmailRepository emails,
            EmailSettingsRepository settings,
            FulfillmentRepository fulfillments,
            SaleRepository sales,
            CustomerRepository customers,
            OutletRepository outlets,
            Transactions tx,
            Clock clock) {
        this.outbox = outbox;
        this.emails = emails;
        this.settings = settings;
        this.fulfillments = fulfillments;
        this.sales = sales;
        this.customers = customers;
        this.outlets = outlets;
        this.tx = tx;
        this.clock = clock;
    }

    /** Reads what the outbox holds after the cursor (a few batches at most); answers how many emails it wrote. */
    public int readNew() {
        int written = 0;
        for (int i = 0; i < BATCHES_PER_RUN; i++) {
            Batch batch = tx.inTransaction(this::readBatch);
            written += batch.written();
            if (batch.events() < BATCH) {
                break;
            }
        }
        return written;
    }

    private record Batch(int events, int written) {}

    private Batch readBatch() {
        long position = emails.lockCursor();
        List<DomainEvents.Stored> events = outbox.after(position, BATCH);
        if (events.isEmpty()) {
            return new Batch(0, 0);
        }
        EmailSettings current = settings.get();
        Instant now = clock.instant();
        int written = 0;
        for (DomainEvents.Stored stored : events) {
            Optional<CustomerEmail> email = emailFor(stored, current, now);
            if (email.isPresent() && emails.insertIfAbsent(email.get())) {
                written++;
            }
        }
        emails.moveCursor(events.getLast().position(), now);
        return new Batch(events.size(), written);
    }

    private Optional<CustomerEmail> emailFor(DomainEvents.Stored stored, EmailSettings current, Instant now) {
        DomainEvent event = stored.event();
        if (!DomainEvent.FULFILLMENT_CHANGED.equals(event.type())) {
            return Optional.empty();
        }
        Optional<FulfillmentStatus> status = statusOf(event.payload());
        // Every scan, assignee and note publishes a change too: the fulfillment is read only for a status that may
        // call for an email.
        if (status.isEmpty() || !EmailKind.mayFollow(status.get())) {
            return Optional.empty();
        }
        Optional<Fulfillment> fulfillment = fulfillmentOf(stored);
        if (fulfillment.isEmpty()) {
            return Optional.empty();
        }
        Fulfillment f = fulfillment.get();
        Optional<EmailKind> kind = EmailKind.forStatus(f.type(), status.get());
        if (kind.isEmpty() || emails.exists(f.id(), kind.get())) {
            return Optional.empty();
        }
        Optional<Sale> sale = sales.findById(f.saleId());
        Optional<Outlet> outlet = outlets.findById(f.outletId());
        if (sale.isEmpty() || outlet.isEmpty()) {
            return Optional.empty(); // foreign keys make this impossible; never let one event stop the reader
        }
        Optional<Customer> customer = sale.get().customerId().flatMap(customers::findById);
        Optional<Email> to = customer.flatMap(Customer::email);
        Tracking tracking = Tracking.fromPayload(event.payload());
        Letter letter = EmailTemplates.write(Occasion.of(kind.get(), sale.get(), f, outlet.get(), customer, tracking));
        var draft = new CustomerEmail.Draft(
                Ids.newId(),
                f.saleId(),
                f.id(),
                f.outletId(),
                kind.get(),
                stored.position(),
                to,
                outlet.get().language(),
                letter);
        if (customer.isEmpty()) {
            return Optional.of(CustomerEmail.skipped(draft, NO_CUSTOMER, now));
        }
        if (to.isEmpty()) {
            return Optional.of(CustomerEmail.skipped(draft, NO_ADDRESS, now));
        }
        if (!current.enabled()) {
            return Optional.of(CustomerEmail.skipped(draft, EMAILS_OFF, now));
        }
        return Optional.of(CustomerEmail.toSend(draft, now));
    }

    /**
     * The event's fulfillment. An event that names none, or one that does not exist, calls for no email: it is passed
     * over rather than retried, so that one malformed event never stops every email after it.
     */
    private Optional<Fulfillment> fulfillmentOf(DomainEvents.Stored stored) {
        Object id = stored.event().payload().get("fulfillment_id");
        try {
            return id instanceof String s ? fulfillments.findById(UUID.fromString(s)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<FulfillmentStatus> statusOf(Map<String, Object> payload) {
        if (!(payload.get("status") instanceof String s)) {
            return Optional.empty();
        }
        for (FulfillmentStatus status : FulfillmentStatus.values()) {
            if (status.wireName().equals(s)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
