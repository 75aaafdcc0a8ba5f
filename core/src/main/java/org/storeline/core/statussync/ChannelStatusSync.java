package org.storeline.core.statussync;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityLog;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.Platform;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.event.DomainEvent;
import org.storeline.core.event.DomainEvents;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentRepository;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.fulfillment.FulfillmentWorkflow;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.payment.PaymentTypeRepository;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterPeriod;
import org.storeline.core.register.RegisterRepository;
import org.storeline.core.returns.CancellationService;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleRepository;
import org.storeline.core.statussync.StatusSyncPlan.Finding;
import org.storeline.core.statussync.StatusSyncRepository.Due;
import org.storeline.core.transaction.Transactions;

/**
 * Applies the status changes a platform reports for orders already imported (Ecwid: STS-1..4), once the import that
 * recorded them as due has committed: each order in a transaction of its own, so that a cancellation's refund is sent
 * to its processor after the commit, never inside the import's batch.
 *
 * <p>In that transaction: the order's import row is locked (a second applier waits, then finds nothing due), then its
 * sale, then the sale's fulfillments, then what a payment or a cancellation locks (register, outlet, stock): the order
 * staff actions follow. {@link StatusSyncPlanner} decides; the changes are made through the same use cases as staff's
 * (the fulfillment workflow, the import's payment on the sale's online register, {@link CancellationService}), which
 * publish the same events ({@code fulfillment.changed}, {@code order.fulfilled}, {@code sale.cancelled}...); each
 * finding becomes an activity entry of the channel. A failure leaves the order due and is logged; the next
 * reconciliation pass applies it ({@link #applyDue}), as it does for a process that died before applying.
 */
public final class ChannelStatusSync {
    /** How many due orders one reconciliation pass applies per channel at most; the rest wait for the next. */
    static final int SWEEP_BATCH = 100;

    private final StatusSyncRepository statuses;
    private final SaleRepository sales;
    private final FulfillmentRepository fulfillments;
    private final FulfillmentWorkflow workflow;
    private final RegisterRepository registers;
    private final PaymentTypeRepository paymentTypes;
    private final CancellationService cancellations;
    private final ActivityLog activity;
    private final DomainEvents events;
    private final Transactions tx;
    private final Clock clock;

    public ChannelStatusSync(
            StatusSyncRepository statuses,
            SaleRepository sales,
            FulfillmentRepository fulfillments,
            FulfillmentWorkflow workflow,
            RegisterRepository registers,
            PaymentTypeRepository paymentTypes,
            CancellationService cancellations,
            ActivityLog activity,
            DomainEvents events,
            Transactions tx,
            Clock clock) {
        this.statuses = statuses;
        this.sales = sales;
        this.fulfillments = fulfillments;
        this.workflow = workflow;
        this.registers = registers;
        this.paymentTypes = paymentTypes;
        this.cancellations = cancellations;
        this.activity = activity;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Applies the orders an import found due, after its transaction committed. Never throws: an order that fails is
     * logged and stays due.
     */
    public void apply(Channel channel, List<String> externalOrderIds) {
        externalOrderIds.forEach(id -> applyOne(channel, id));
    }

    /** Applies the channel's orders still due (the reconciliation's sweep); answers how many were looked at. */
    public int applyDue(Channel channel) {
        List<String> due = statuses.dueOrders(channel.id(), SWEEP_BATCH);
        apply(channel, due);
        return due.size();
    }

    private void applyOne(Channel channel, String externalOrderId) {
        Optional<UUID> refund;
        try {
            refund = tx.inTransaction(() -> applyInTransaction(channel, externalOrderId));
        } catch (RuntimeException e) {
            failed(
                    channel,
                    externalOrderId,
                    "the status change from " + label(channel.platform()) + " could not be applied: " + describe(e)
                            + " (it stays due: the next reconciliation pass applies it)");
            return;
        }
        // After the commit: the cancellation's refund to its processor. Should this fail or the process die first, the
        // refund is pending and the refunds' recheck sends it again.
        refund.ifPresent(id -> {
            try {
                cancellations.send(id);
            } catch (RuntimeException e) {
                failed(
                        channel,
                        externalOrderId,
                        "the cancellation's refund could not be sent to its processor: " + describe(e)
                                + " (it is pending: the refunds' recheck sends it again)");
            }
        });
    }

    private Optional<UUID> applyInTransaction(Channel channel, String externalOrderId) {
        Optional<Due> found = statuses.lockDue(channel.id(), externalOrderId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Due due = found.get();
        Sale sale = sales.findByIdForUpdate(due.saleId())
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.SALE_NOT_FOUND, "Sale", due.saleId()));
        List<Fulfillment> all = fulfillments.findBySaleForUpdate(sale.id());
        String platform = label(channel.platform());
        StatusSyncPlan plan =
                StatusSyncPlanner.plan(platform, due.platformStatus(), due.progress(), SaleState.of(sale, all));
        Instant now = clock.instant();
        statuses.markApplied(channel.id(), externalOrderId);
        activity.record(
                plan.findings().stream().map(f -> entry(channel, due, f, now)).toList());
        if (plan.cancel()) {
            // It publishes its own events, last.
            return cancellations.cancelForChannel(sale, platform);
        }
        if (plan.recordPayment()) {
            recordPayment(sale, due, now);
        }
        List<DomainEvent> published = new ArrayList<>();
        for (StatusSyncPlan.Step step : plan.steps()) {
            Fulfillment f = all.stream()
                    .filter(x -> x.id().equals(step.fulfillmentId()))
                    .findFirst()
                    .orElseThrow();
            if (f.status() != FulfillmentStatus.PACKED) {
                published.addAll(workflow.packLocked(sale, f, now));
            }
            if (step.target() != FulfillmentStatus.PACKED) {
                published.addAll(workflow.completeLocked(sale, f, now));
            }
        }
        // Events last: the outbox serialises its writers from here to the commit.
        published.forEach(events::publish);
        return Optional.empty();
    }

    /**
     * The balance, recorded as the import records a platform's payment (STS-3): the payment type of the platform's
     * method, on the sale's online register, in the period open now or, the register closed, in its next (PAY-1).
     * The register is locked for share before its open period is read, as the import does.
     */
    private void recordPayment(Sale sale, Due due, Instant now) {
        UUID typeId = due.paymentTypeId()
                .orElseThrow(() -> new IllegalStateException("A paid version records its payment type"));
        PaymentType type = paymentTypes
                .findById(typeId)
                .orElseThrow(
                        () -> StorelineException.notFound(ErrorCode.PAYMENT_TYPE_NOT_FOUND, "Payment type", typeId));
        Register register = registers
                .findByIdForShare(sale.registerId())
                .orElseThrow(
                        () -> StorelineException.notFound(ErrorCode.REGISTER_NOT_FOUND, "Register", sale.registerId()));
        Optional<UUID> period = register.openPeriod().map(RegisterPeriod::id);
        sale.applyPayment(type, sale.balance(), now, register.id(), period, Optional.empty());
        sales.update(sale);
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void failed(Channel channel, String externalOrderId, String reason) {
        tx.run(() -> activity.record(List.of(ActivityEntry.of(
                channel.id(),
                clock.instant(),
                ActivityEntry.Kind.IMPORT,
                ActivityEntry.Outcome.FAILED,
                Optional.of(externalOrderId),
                Optional.empty(),
                Optional.empty(),
                reason,
                false))));
    }

    private static ActivityEntry entry(Channel channel, Due due, Finding finding, Instant now) {
        ActivityEntry.Outcome outcome = switch (finding.result()) {
            case APPLIED -> ActivityEntry.Outcome.SUCCEEDED;
            case NOT_APPLIED -> ActivityEntry.Outcome.NOT_APPLIED;
            case ALREADY, IGNORED -> ActivityEntry.Outcome.IGNORED;
        };
        return ActivityEntry.of(
                channel.id(),
                now,
                ActivityEntry.Kind.IMPORT,
                outcome,
                Optional.of(due.externalOrderId()),
                due.deliveryId(),
                Optional.of(due.saleId()),
                finding.reason(),
                false);
    }

    private static String label(Platform platform) {
        return switch (platform) {
            case SHOPIFY -> "Shopify";
            case WOOCOMMERCE -> "WooCommerce";
            case BIGCOMMERCE -> "BigCommerce";
            case ECWID -> "Ecwid";
            case LIGHTSPEED_ECOM -> "Lightspeed eCom";
        };
    }
}
