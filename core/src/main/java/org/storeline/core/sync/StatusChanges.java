package org.storeline.core.sync;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.channel.FulfillmentType;
import org.storeline.core.event.DomainEvent;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentRepository;
import org.storeline.core.fulfillment.FulfillmentStatus;
import org.storeline.core.fulfillment.Tracking;
import org.storeline.core.money.Money;
import org.storeline.core.refund.RefundRepository;
import org.storeline.core.sale.ChannelOrderRef;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SalePayment;
import org.storeline.core.sale.SaleRepository;

/**
 * Which status change, if any, a domain event tells the channel of its sale (the STS table; each platform's module
 * decides what it sends for it, often nothing). Only online sales, only to their own channel (SOR-4):
 * <ul>
 *   <li>{@code fulfillment.changed} to packed, once every fulfillment of the sale (the cancelled aside) is packed or
 *       further: {@link StatusChange.Kind#PACKED};</li>
 *   <li>{@code order.fulfilled}: {@link StatusChange.Kind#FULFILLED}, with the tracking each fulfillment shipped with
 *       (FUL-7: only once every fulfillment is complete);</li>
 *   <li>{@code sale.cancelled}: {@link StatusChange.Kind#CANCELLED};</li>
 *   <li>{@code sale.paid}: {@link StatusChange.Kind#PAID}, with what the sale was paid;</li>
 *   <li>{@code sale.refunded}: {@link StatusChange.Kind#REFUNDED}, with the amount given back and whether everything
 *       paid had then been given back.</li>
 * </ul>
 * An event that names nothing readable is passed over: one malformed event never stops the reader.
 */
public final class StatusChanges {
    private static final Set<FulfillmentStatus> PACKED_OR_FURTHER =
            Set.of(FulfillmentStatus.PACKED, FulfillmentStatus.SHIPPED, FulfillmentStatus.PICKED_UP);

    private final SaleRepository sales;
    private final FulfillmentRepository fulfillments;
    private final RefundRepository refunds;

    public StatusChanges(SaleRepository sales, FulfillmentRepository fulfillments, RefundRepository refunds) {
        this.sales = sales;
        this.fulfillments = fulfillments;
        this.refunds = refunds;
    }

    public Optional<StatusOutbox.NewStatus> of(DomainEvent event) {
        try {
            return switch (event.type()) {
                case DomainEvent.FULFILLMENT_CHANGED -> packed(event);
                case DomainEvent.ORDER_FULFILLED -> fulfilled(event);
                case DomainEvent.SALE_CANCELLED -> simple(event, StatusChange.Kind.CANCELLED, Optional.empty());
                case DomainEvent.SALE_PAID -> simple(event, StatusChange.Kind.PAID, amount(event, "paid"));
                case DomainEvent.SALE_REFUNDED -> refunded(event);
                default -> Optional.empty();
            };
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private Optional<StatusOutbox.NewStatus> packed(DomainEvent event) {
        Map<String, Object> payload = event.payload();
        if (!"status".equals(payload.get("change"))
                || !FulfillmentStatus.PACKED.wireName().equals(payload.get("status"))) {
            return Optional.empty();
        }
        Optional<Sale> sale = sales.findById(event.saleId());
        Optional<ChannelOrderRef> order = sale.flatMap(Sale::channelOrder);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        List<Fulfillment> active = fulfillments.findBySale(event.saleId()).stream()
                .filter(f -> f.status() != FulfillmentStatus.CANCELLED)
                .toList();
        if (active.isEmpty() || !active.stream().allMatch(f -> PACKED_OR_FURTHER.contains(f.status()))) {
            return Optional.empty();
        }
        return Optional.of(status(
                order.get(),
                event.saleId(),
                StatusChange.Kind.PACKED,
                active.getFirst().type(),
                List.of(),
                Optional.empty(),
                false));
    }

    private Optional<StatusOutbox.NewStatus> fulfilled(DomainEvent event) {
        Optional<ChannelOrderRef> order = orderOf(event);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        List<Tracking> tracking = new ArrayList<>();
        FulfillmentType type = FulfillmentType.DELIVERY;
        if (event.payload().get("fulfillments") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> f) {
                    type = f.get("type") instanceof String t ? FulfillmentType.fromWire(t) : type;
                    if (f.get("tracking") instanceof Map<?, ?> t) {
                        tracking.add(new Tracking(text(t, "number"), text(t, "company"), text(t, "url")));
                    }
                }
            }
        }
        return Optional.of(status(
                order.get(), event.saleId(), StatusChange.Kind.FULFILLED, type, tracking, Optional.empty(), false));
    }

    private Optional<StatusOutbox.NewStatus> simple(DomainEvent event, StatusChange.Kind kind, Optional<Money> amount) {
        return orderOf(event)
                .map(order -> status(order, event.saleId(), kind, typeOf(event.saleId()), List.of(), amount, false));
    }

    /** A refund, and whether everything paid had been given back once it was (the refunds settled by then). */
    private Optional<StatusOutbox.NewStatus> refunded(DomainEvent event) {
        Optional<ChannelOrderRef> order = orderOf(event);
        Optional<Money> amount = amount(event, "amount");
        Optional<Sale> original = sales.findById(event.saleId());
        if (order.isEmpty() || amount.isEmpty() || original.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> returns = refunds.returnsOf(List.of(event.saleId())).stream()
                .map(RefundRepository.ReturnSummary::returnSaleId)
                .toList();
        Money givenBack = sales.findByIds(returns).stream()
                .flatMap(r -> r.payments().stream())
                .filter(p -> !p.paidAt().isAfter(event.occurredAt()))
                .map(SalePayment::amount)
                .reduce(Money.zero(original.get().currency()), Money::plus)
                .negate();
        Money paid = original.get().paid();
        boolean wholly = paid.isPositive() && !paid.isGreaterThan(givenBack);
        return Optional.of(status(
                order.get(),
                event.saleId(),
                StatusChange.Kind.REFUNDED,
                typeOf(event.saleId()),
                List.of(),
                amount,
                wholly));
    }

    private static StatusOutbox.NewStatus status(
            ChannelOrderRef order,
            UUID saleId,
            StatusChange.Kind kind,
            FulfillmentType type,
            List<Tracking> tracking,
            Optional<Money> amount,
            boolean wholly) {
        return new StatusOutbox.NewStatus(
                order.channelId(),
                saleId,
                new StatusChange(order.externalOrderId(), kind, type, tracking, amount, wholly));
    }

    /** The sale's channel order, read from the sale (an event's payload may predate the fields). */
    private Optional<ChannelOrderRef> orderOf(DomainEvent event) {
        return sales.findById(event.saleId()).flatMap(Sale::channelOrder);
    }

    private FulfillmentType typeOf(UUID saleId) {
        return fulfillments.findBySale(saleId).stream()
                .map(Fulfillment::type)
                .findFirst()
                .orElse(FulfillmentType.DELIVERY);
    }

    private static Optional<Money> amount(DomainEvent event, String field) {
        if (event.payload().get(field) instanceof String value
                && event.payload().get("currency") instanceof String currency) {
            return Optional.of(Money.of(new BigDecimal(value), Money.currency(currency)));
        }
        return Optional.empty();
    }

    private static Optional<String> text(Map<?, ?> map, String key) {
        return map.get(key) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }
}
