package org.storeline.core.sale;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Money;
import org.storeline.core.payment.PaymentType;

/**
 * A sale: lines, payments, a customer and a receipt number from its outlet's sequence.
 *
 * <p>Life cycle: an in-store sale is rung up {@code open} and completes when paid in full; an online
 * sale stays open until fulfilled. Totals are always derived from the lines (never stored apart), so
 * the sale's total is by construction the sum of its lines. Payments never exceed the balance.
 *
 * <p>A return is a sale of its own ({@link #returnOf}): completed at once, linked to the sale it returns, with
 * negative lines; the money given back is a negative payment on it ({@link #recordRefund}). A cancelled sale
 * takes no more payments, notes or returns.
 */
public final class Sale {
    private final UUID id;
    private final String receiptNumber;
    private final Instant createdAt;
    private final UUID outletId;
    private final UUID registerId;
    private final SaleSource source;
    private final Optional<ChannelOrderRef> channelOrder;
    private final Optional<UUID> customerId;
    private final Currency currency;
    private final List<SaleLine> lines;
    private final List<SalePayment> payments;
    private final Optional<UUID> userId;
    private final Optional<UUID> returnOfSaleId;
    private SaleStatus status;
    private String note;

    public Sale(
            UUID id,
            String receiptNumber,
            Instant createdAt,
            UUID outletId,
            UUID registerId,
            SaleSource source,
            Optional<ChannelOrderRef> channelOrder,
            SaleStatus status,
            Currency currency,
            Optional<UUID> customerId,
            List<SaleLine> lines,
            List<SalePayment> payments,
            String note,
            Optional<UUID> userId) {
        this(
                id,
                receiptNumber,
                createdAt,
                outletId,
                registerId,
                source,
                channelOrder,
                status,
                currency,
                customerId,
                lines,
                payments,
                note,
                userId,
                Optional.empty());
    }

    public Sale(
            UUID id,
            String receiptNumber,
            Instant createdAt,
            UUID outletId,
            UUID registerId,
            SaleSource source,
            Optional<ChannelOrderRef> channelOrder,
            SaleStatus status,
            Currency currency,
            Optional<UUID> customerId,
            List<SaleLine> lines,
            List<SalePayment> payments,
            String note,
            Optional<UUID> userId,
            Optional<UUID> returnOfSaleId) {
        this.id = id;
        this.receiptNumber = receiptNumber;
        this.createdAt = createdAt;
        this.outletId = outletId;
        this.registerId = registerId;
        this.source = source;
        this.channelOrder = channelOrder;
        this.status = status;
        this.currency = currency;
        this.customerId = customerId;
        this.lines = List.copyOf(lines);
        this.payments = new ArrayList<>(payments);
        this.note = note;
        this.userId = userId;
        this.returnOfSaleId = returnOfSaleId;
    }

    /** Rings up an in-store sale: open, unpaid until payments are applied. */
    public static Sale ringUp(
            String receiptNumber,
            Instant at,
            UUID outletId,
            UUID registerId,
            Optional<UUID> customerId,
            List<SaleLine> lines,
            UUID userId) {
        if (lines.isEmpty()) {
            throw StorelineException.invalid("A sale needs at least one line.");
        }
        Currency currency = lines.get(0).total().currency();
        for (SaleLine line : lines) {
            if (!line.total().currency().equals(currency)) {
                throw new StorelineException(
                        ErrorCode.CURRENCY_MISMATCH,
                        "All lines of a sale must be in one currency; found " + currency.getCurrencyCode() + " and "
                                + line.total().currency().getCurrencyCode() + ".");
            }
        }
        Sale sale = new Sale(
                Ids.newId(),
                receiptNumber,
                at,
                outletId,
                registerId,
                SaleSource.IN_STORE,
                Optional.empty(),
                SaleStatus.OPEN,
                currency,
                customerId,
                lines,
                List.of(),
                "",
                Optional.of(userId));
        sale.completeIfSettled();
        return sale;
    }

    /**
     * A sale made from a channel's order: on the channel's online register whatever its state (ORD-2),
     * open until fulfilled, or completed at once when the platform had already fulfilled and been paid.
     */
    public static Sale fromChannel(
            UUID id,
            String receiptNumber,
            Instant at,
            UUID outletId,
            UUID registerId,
            ChannelOrderRef ref,
            Currency currency,
            Optional<UUID> customerId,
            List<SaleLine> lines,
            String note,
            boolean completed) {
        return new Sale(
                id,
                receiptNumber,
                at,
                outletId,
                registerId,
                SaleSource.ONLINE,
                Optional.of(ref),
                completed ? SaleStatus.COMPLETED : SaleStatus.OPEN,
                currency,
                customerId,
                lines,
                List.of(),
                note,
                Optional.empty());
    }

    /**
     * A return of {@code original}: its own receipt number, completed at once, the same customer, source and
     * currency; {@code lines} are negative and each names the original line it returns. It belongs to no channel
     * order (the original does), so the platform's order stays one sale.
     */
    public static Sale returnOf(
            Sale original,
            UUID id,
            String receiptNumber,
            Instant at,
            UUID outletId,
            UUID registerId,
            List<SaleLine> lines,
            String note,
            Optional<UUID> userId) {
        if (lines.isEmpty()) {
            throw StorelineException.invalid("A return needs at least one line.");
        }
        for (SaleLine line : lines) {
            if (line.quantity() >= 0 || line.returnedLineId().isEmpty()) {
                throw new IllegalArgumentException("A return's lines give back units of the original's lines");
            }
        }
        return new Sale(
                id,
                receiptNumber,
                at,
                outletId,
                registerId,
                original.source(),
                Optional.empty(),
                SaleStatus.COMPLETED,
                original.currency(),
                original.customerId(),
                lines,
                List.of(),
                note,
                userId,
                Optional.of(original.id()));
    }

    /**
     * Records money given back on this return: a negative payment of {@code amount}, never more than the return
     * still owes the customer (minus its balance).
     */
    public SalePayment recordRefund(
            PaymentType type,
            Money amount,
            Instant at,
            UUID registerId,
            Optional<UUID> registerPeriodId,
            Optional<UUID> byUser) {
        if (returnOfSaleId.isEmpty()) {
            throw new IllegalStateException("Only a return gives money back");
        }
        if (!amount.isPositive() || amount.isGreaterThan(balance().negate())) {
            throw new IllegalArgumentException("A refund of " + amount + " does not fit the return's "
                    + balance().negate() + " still owed to the customer");
        }
        SalePayment refund = new SalePayment(
                Ids.newId(),
                type.id(),
                type.kind(),
                type.processor(),
                amount.negate(),
                at,
                registerId,
                registerPeriodId,
                byUser);
        payments.add(refund);
        return refund;
    }

    /** Refuses any change (a payment, a note, a return) once the sale is cancelled. */
    public void requireNotCancelled(String change) {
        if (status == SaleStatus.CANCELLED) {
            throw new StorelineException(
                    ErrorCode.SALE_NOT_OPEN, "Sale " + receiptNumber + " is cancelled; it takes no " + change + ".");
        }
    }

    /** Cancels an open sale for good (its fulfillments and stock are the caller's business). */
    public void cancel() {
        status = status.on(SaleStatus.Event.CANCEL);
    }

    /**
     * Records money taken for this sale. Refused when the sale is cancelled, the amount is not positive,
     * is in another currency, or exceeds the balance. An in-store sale paid in full completes.
     */
    public SalePayment applyPayment(
            PaymentType type,
            Money amount,
            Instant at,
            UUID registerId,
            Optional<UUID> registerPeriodId,
            Optional<UUID> byUser) {
        requireNotCancelled("payments");
        if (!amount.isPositive()) {
            throw StorelineException.invalid("A payment's amount must be greater than zero.");
        }
        if (!amount.currency().equals(currency)) {
            throw new StorelineException(
                    ErrorCode.CURRENCY_MISMATCH,
                    "Sale " + receiptNumber + " is in " + currency.getCurrencyCode() + "; the payment is in "
                            + amount.currency().getCurrencyCode() + ".");
        }
        if (amount.isGreaterThan(balance())) {
            throw new StorelineException(
                    ErrorCode.PAYMENT_EXCEEDS_BALANCE,
                    "The payment of " + amount.toDecimalString() + " exceeds the balance of "
                            + balance().toDecimalString() + " on sale " + receiptNumber + ".");
        }
        SalePayment payment = new SalePayment(
                Ids.newId(),
                type.id(),
                type.kind(),
                type.processor(),
                amount,
                at,
                registerId,
                registerPeriodId,
                byUser);
        payments.add(payment);
        completeIfSettled();
        return payment;
    }

    /** An in-store sale is done once nothing is owed (a free sale at once); an online one waits for its fulfilment. */
    private void completeIfSettled() {
        if (source == SaleSource.IN_STORE
                && status == SaleStatus.OPEN
                && balance().isZero()) {
            status = status.on(SaleStatus.Event.COMPLETE);
        }
    }

    /**
     * Completes an online sale once every one of its fulfillments is complete (the caller checked them) and nothing is
     * owed (FUL-4, FUL-7); answers whether it did. A sale already completed or cancelled stays as it is.
     */
    public boolean completeOnceFulfilled() {
        if (source == SaleSource.ONLINE
                && status == SaleStatus.OPEN
                && !balance().isPositive()) {
            status = status.on(SaleStatus.Event.COMPLETE);
            return true;
        }
        return false;
    }

    /** Replaces the sale note (tracking numbers and the like are written here, FUL-5). */
    public void annotate(String newNote) {
        requireNotCancelled("notes");
        if (newNote.length() > 10_000) {
            throw StorelineException.invalid("note is too long (at most 10000 characters).");
        }
        this.note = newNote;
    }

    public Money total() {
        return lines.stream().map(SaleLine::total).reduce(Money.zero(currency), Money::plus);
    }

    public Money totalTax() {
        return lines.stream().map(SaleLine::tax).reduce(Money.zero(currency), Money::plus);
    }

    public Money paid() {
        return payments.stream().map(SalePayment::amount).reduce(Money.zero(currency), Money::plus);
    }

    public Money balance() {
        return total().minus(paid());
    }

    public PaymentStatus paymentStatus() {
        if (paid().isZero() && !total().isZero()) {
            return PaymentStatus.UNPAID;
        }
        return balance().isPositive() ? PaymentStatus.PARTIALLY_PAID : PaymentStatus.PAID;
    }

    public UUID id() {
        return id;
    }

    public String receiptNumber() {
        return receiptNumber;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public UUID outletId() {
        return outletId;
    }

    public UUID registerId() {
        return registerId;
    }

    public SaleSource source() {
        return source;
    }

    public Optional<ChannelOrderRef> channelOrder() {
        return channelOrder;
    }

    public SaleStatus status() {
        return status;
    }

    public Currency currency() {
        return currency;
    }

    public Optional<UUID> customerId() {
        return customerId;
    }

    public List<SaleLine> lines() {
        return lines;
    }

    public List<SalePayment> payments() {
        return List.copyOf(payments);
    }

    public String note() {
        return note;
    }

    public Optional<UUID> userId() {
        return userId;
    }

    /** For a return: the sale it returns. */
    public Optional<UUID> returnOfSaleId() {
        return returnOfSaleId;
    }

    public boolean isReturn() {
        return returnOfSaleId.isPresent();
    }
}
