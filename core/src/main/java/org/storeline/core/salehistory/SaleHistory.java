package org.storeline.core.salehistory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelRepository;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.CustomerService;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.fulfillment.FulfillmentRepository;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.payment.PaymentType;
import org.storeline.core.payment.PaymentTypeService;
import org.storeline.core.refund.Refund;
import org.storeline.core.refund.RefundRepository;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterService;
import org.storeline.core.returns.CancellationService;
import org.storeline.core.returns.ReturnService;
import org.storeline.core.returns.Returnable;
import org.storeline.core.sale.ChannelOrderRef;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleFilter;
import org.storeline.core.sale.SaleLine;
import org.storeline.core.sale.SaleRepository;
import org.storeline.core.sale.SaleService;
import org.storeline.core.sale.SaleStatus;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/**
 * What Sales history shows: a page of sales with the names they refer to, and one sale with everything its page
 * needs: customer, fulfillments, returns with their refunds, how many units of each line are left to return, and which
 * of payment, return and cancellation it takes now. Reads go through {@link SaleService}, so a sale is seen by exactly
 * those who may see it through the API; the actions themselves stay with their own use cases, which check again.
 */
public final class SaleHistory {
    private final SaleService sales;
    private final SaleRepository repository;
    private final FulfillmentRepository fulfillments;
    private final ReturnService returns;
    private final CustomerService customers;
    private final ChannelRepository channels;
    private final OutletService outlets;
    private final RegisterService registers;
    private final PaymentTypeService paymentTypes;
    private final Transactions tx;

    public SaleHistory(
            SaleService sales,
            SaleRepository repository,
            FulfillmentRepository fulfillments,
            ReturnService returns,
            CustomerService customers,
            ChannelRepository channels,
            OutletService outlets,
            RegisterService registers,
            PaymentTypeService paymentTypes,
            Transactions tx) {
        this.sales = sales;
        this.repository = repository;
        this.fulfillments = fulfillments;
        this.returns = returns;
        this.customers = customers;
        this.channels = channels;
        this.outlets = outlets;
        this.registers = registers;
        this.paymentTypes = paymentTypes;
        this.tx = tx;
    }

    /** One sale of a page, with its customer, channel name and outlet (for the outlet's time zone). */
    public record Row(Sale sale, Optional<Customer> customer, Optional<String> channelName, Outlet outlet) {}

    /** A page of sales, newest first, and the channels that may be filtered on. */
    public record Found(Page<Row> rows, List<Channel> channels) {}

    public Found search(Actor actor, SaleFilter filter, PageRequest page) {
        Page<Sale> found = sales.list(actor, filter, page);
        return new Found(new Page<>(rows(found.items()), found.next()), channelsOf(actor));
    }

    /** The channels selling through one of the actor's outlets (their names only). */
    private List<Channel> channelsOf(Actor actor) {
        Set<UUID> mine = outlets.list(actor).stream().map(Outlet::id).collect(Collectors.toSet());
        return channels.findAll().stream()
                .filter(c ->
                        actor.role().seesEveryOutlet() || c.outletIds().stream().anyMatch(mine::contains))
                .toList();
    }

    private List<Row> rows(List<Sale> found) {
        Map<UUID, Customer> customerOf = customers.getAll(
                found.stream().flatMap(s -> s.customerId().stream()).collect(Collectors.toSet()));
        Map<UUID, String> channelNames = new HashMap<>();
        Map<UUID, Outlet> outletOf = new HashMap<>();
        return found.stream()
                .map(sale -> new Row(
                        sale,
                        sale.customerId().map(customerOf::get),
                        sale.channelOrder()
                                .map(ChannelOrderRef::channelId)
                                .flatMap(id -> Optional.ofNullable(channelNames.computeIfAbsent(
                                        id,
                                        c -> channels.findById(c)
                                                .map(Channel::name)
                                                .orElse(null)))),
                        outletOf.computeIfAbsent(sale.outletId(), outlets::require)))
                .toList();
    }

    /** A return of the sale, with its refund: where the money went, or what the cashier must do. */
    public record Return(RefundRepository.ReturnSummary summary, Optional<Refund> refund) {}

    /**
     * One sale's page.
     *
     * @param returnable   units left to return, by line id (a line with none left is absent)
     * @param registers    the registers the actor may take a payment or give a refund on
     * @param restockAt    the outlets the actor may put returned units back at
     */
    public record Details(
            Row row,
            List<Fulfillment> fulfillments,
            List<Return> returns,
            Optional<Refund> refund,
            Map<UUID, Long> returnable,
            boolean takesPayment,
            boolean takesReturn,
            boolean cancellable,
            List<Register> registers,
            List<PaymentType> paymentTypes,
            List<Outlet> restockAt) {
        public Sale sale() {
            return row.sale();
        }

        public long left(SaleLine line) {
            return returnable.getOrDefault(line.id(), 0L);
        }
    }

    /** The sale's page; refused (404, 403) as {@code GET /api/v1/sales/{id}} would refuse it. */
    public Details details(Actor actor, UUID saleId) {
        return tx.inSnapshot(() -> read(actor, saleId));
    }

    private Details read(Actor actor, UUID saleId) {
        Sale sale = sales.get(actor, saleId);
        Row row = rows(List.of(sale)).get(0);
        List<Fulfillment> ofSale = fulfillments.findBySale(saleId);
        ReturnService.Returns itsReturns = returns.returnsOf(List.of(saleId));
        List<RefundRepository.ReturnSummary> summaries = itsReturns.of(saleId);
        ReturnService.Returns refunds = returns.returnsOf(
                Stream.concat(Stream.of(saleId), summaries.stream().map(RefundRepository.ReturnSummary::returnSaleId))
                        .toList());
        boolean sells = actor.role().allows(Permission.SELL);
        boolean open = sale.status() != SaleStatus.CANCELLED && !sale.isReturn();
        Map<UUID, Long> left = open ? left(sale) : Map.of();
        return new Details(
                row,
                ofSale,
                summaries.stream()
                        .map(s -> new Return(s, refunds.refundOf(s.returnSaleId())))
                        .toList(),
                refunds.refundOf(saleId),
                left,
                sells && open && sale.balance().isPositive(),
                sells && !left.isEmpty(),
                sells && actor.canSee(sale.outletId()) && CancellationService.allows(sale, ofSale),
                sells ? registers.list(actor) : List.of(),
                sells ? paymentTypes.list() : List.of(),
                outlets.list(actor));
    }

    private Map<UUID, Long> left(Sale sale) {
        Map<UUID, Long> returned = repository.returnedQuantities(sale.id());
        Map<UUID, Long> left = new HashMap<>();
        for (SaleLine line : sale.lines()) {
            long units = Returnable.left(line, returned.getOrDefault(line.id(), 0L));
            if (units > 0) {
                left.put(line.id(), units);
            }
        }
        return left;
    }
}
