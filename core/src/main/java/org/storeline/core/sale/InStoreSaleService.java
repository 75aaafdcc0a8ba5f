package org.storeline.core.sale;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.storeline.core.catalog.Product;
import org.storeline.core.catalog.ProductRepository;
import org.storeline.core.customer.CustomerService;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.money.Money;
import org.storeline.core.outlet.OutletRepository;
import org.storeline.core.payment.PaymentTypeService;
import org.storeline.core.register.Register;
import org.storeline.core.register.RegisterPeriod;
import org.storeline.core.register.RegisterRepository;
import org.storeline.core.settings.SettingsRepository;
import org.storeline.core.stock.StockChange;
import org.storeline.core.stock.StockLedger;
import org.storeline.core.stock.StockReason;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/**
 * Records a sale made at a counter: on an open register, numbered from the outlet's receipt sequence,
 * with its stock deducted in the same transaction. Never sent to a channel (SOR-4). A sale is never
 * refused for lack of stock: the level goes negative and is reported.
 */
public final class InStoreSaleService {
    static final int MAX_LINES = 1_000;
    static final int MAX_PAYMENTS = 100;

    private final SaleRepository sales;
    private final ProductRepository products;
    private final RegisterRepository registers;
    private final OutletRepository outlets;
    private final PaymentTypeService paymentTypes;
    private final CustomerService customers;
    private final StockLedger stock;
    private final SettingsRepository settings;
    private final Transactions tx;
    private final Clock clock;

    public InStoreSaleService(
            SaleRepository sales,
            ProductRepository products,
            RegisterRepository registers,
            OutletRepository outlets,
            PaymentTypeService paymentTypes,
            CustomerService customers,
            StockLedger stock,
            SettingsRepository settings,
            Transactions tx,
            Clock clock) {
        this.sales = sales;
        this.products = products;
        this.registers = registers;
        this.outlets = outlets;
        this.paymentTypes = paymentTypes;
        this.customers = customers;
        this.stock = stock;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    public record LineRequest(UUID productId, long quantity, Optional<String> unitPrice, Optional<String> discount) {}

    public record PaymentRequest(UUID paymentTypeId, String amount) {}

    public record SaleRequest(
            UUID outletId,
            UUID registerId,
            Optional<UUID> customerId,
            List<LineRequest> lines,
            List<PaymentRequest> payments) {}

    public Sale record(Actor actor, SaleRequest request) {
        actor.require(Permission.SELL);
        actor.requireOutlet(request.outletId());
        validateShape(request);
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            Register register = registers
                    .findByIdForUpdate(request.registerId())
                    .orElseThrow(() -> StorelineException.notFound(
                            ErrorCode.REGISTER_NOT_FOUND, "Register", request.registerId()));
            if (!register.outletId().equals(request.outletId())) {
                throw new StorelineException(
                        ErrorCode.REGISTER_OUTLET_MISMATCH,
                        "Register '" + register.name() + "' belongs to another outlet than " + request.outletId()
                                + ".");
            }
            RegisterPeriod period = register.requireOpenAt(now);
            request.customerId().ifPresent(customers::get);
            List<SaleLine> lines = priceLines(request.lines());
            String receipt = outlets.nextReceiptNumber(request.outletId());
            Sale sale = Sale.ringUp(
                    receipt, now, request.outletId(), register.id(), request.customerId(), lines, actor.userId());
            for (PaymentRequest p : request.payments()) {
                Money amount = Money.of(Money.parseAmount(p.amount()), sale.currency());
                sale.applyPayment(
                        paymentTypes.require(p.paymentTypeId()),
                        amount,
                        now,
                        register.id(),
                        Optional.of(period.id()),
                        Optional.of(actor.userId()));
            }
            sales.insert(sale);
            stock.apply(stockChanges(sale, actor), now);
            return sale;
        });
    }

    private static void validateShape(SaleRequest request) {
        if (request.lines().isEmpty()) {
            throw StorelineException.invalid("lines must hold at least one line.");
        }
        // A counter sale of thousands of lines is a mistake, and it would hold the register for seconds.
        if (request.lines().size() > MAX_LINES || request.payments().size() > MAX_PAYMENTS) {
            throw StorelineException.invalid("A sale holds at most " + MAX_LINES + " lines and " + MAX_PAYMENTS
                    + " payments; this one has " + request.lines().size() + " and "
                    + request.payments().size() + ".");
        }
        for (LineRequest line : request.lines()) {
            if (line.quantity() < 1 || line.quantity() > SaleLine.MAX_QUANTITY) {
                throw StorelineException.invalid("A line's quantity must be between 1 and " + SaleLine.MAX_QUANTITY
                        + " (returns go through /returns).");
            }
        }
    }

    private List<SaleLine> priceLines(List<LineRequest> requested) {
        boolean pricesIncludeTax = settings.get().pricesIncludeTax();
        Map<UUID, Product> byId = products
                .findByIds(requested.stream().map(LineRequest::productId).toList())
                .stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
        List<SaleLine> lines = new ArrayList<>();
        for (LineRequest line : requested) {
            Product product = byId.get(line.productId());
            if (product == null) {
                throw StorelineException.notFound(ErrorCode.PRODUCT_NOT_FOUND, "Product", line.productId());
            }
            Money unitPrice = line.unitPrice()
                    .map(p -> Money.of(Money.parseAmount(p), product.price().currency()))
                    .orElse(product.price());
            Money discount = line.discount()
                    .map(d -> Money.of(Money.parseAmount(d), product.price().currency()))
                    .orElse(Money.zero(product.price().currency()));
            if (unitPrice.isNegative() || discount.isNegative()) {
                throw StorelineException.invalid("unit_price and discount cannot be negative.");
            }
            lines.add(SaleLine.price(
                    Ids.newId(),
                    Optional.of(product.id()),
                    product.sku(),
                    product.name(),
                    line.quantity(),
                    unitPrice,
                    discount,
                    product.taxRate(),
                    pricesIncludeTax));
        }
        return lines;
    }

    private static List<StockChange> stockChanges(Sale sale, Actor actor) {
        return sale.lines().stream()
                .filter(line -> line.productId().isPresent())
                .map(line -> new StockChange(
                        line.productId().get(),
                        sale.outletId(),
                        -line.quantity(),
                        StockReason.IN_STORE_SALE,
                        Optional.of(sale.id()),
                        Optional.of(actor.userId())))
                .toList();
    }
}
