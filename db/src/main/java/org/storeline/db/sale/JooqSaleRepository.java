package org.storeline.db.sale;

import static org.storeline.db.jooq.Tables.CUSTOMER;
import static org.storeline.db.jooq.Tables.FULFILLMENT;
import static org.storeline.db.jooq.Tables.PAYMENT_TYPE;
import static org.storeline.db.jooq.Tables.SALE;
import static org.storeline.db.jooq.Tables.SALE_LINE;
import static org.storeline.db.jooq.Tables.SALE_PAYMENT;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.sale.ChannelOrderRef;
import org.storeline.core.sale.PaymentStatus;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleFilter;
import org.storeline.core.sale.SaleLine;
import org.storeline.core.sale.SalePayment;
import org.storeline.core.sale.SaleRepository;
import org.storeline.core.sale.SaleSource;
import org.storeline.core.sale.SaleStatus;
import org.storeline.db.jooq.tables.records.SaleLineRecord;
import org.storeline.db.jooq.tables.records.SalePaymentRecord;
import org.storeline.db.jooq.tables.records.SaleRecord;
import org.storeline.db.postgres.BatchInsert;
import org.storeline.db.postgres.Cursors;

/** Sales on PostgreSQL. A page of sales is loaded with three queries (sales, lines, payments), never one per sale. */
public final class JooqSaleRepository implements SaleRepository {
    private final DSLContext dsl;

    public JooqSaleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(Sale sale) {
        insertAll(List.of(sale));
    }

    /** Three statements for any number of sales: the sales, all their lines, all their payments. */
    @Override
    public void insertAll(List<Sale> sales) {
        if (sales.isEmpty()) {
            return;
        }
        BatchInsert saleRows = BatchInsert.into(
                dsl,
                SALE,
                SALE.ID,
                SALE.RECEIPT_NUMBER,
                SALE.CREATED_AT,
                SALE.OUTLET_ID,
                SALE.REGISTER_ID,
                SALE.SOURCE,
                SALE.CHANNEL_ID,
                SALE.EXTERNAL_ORDER_ID,
                SALE.EXTERNAL_ORDER_NUMBER,
                SALE.IMPORTED_AT,
                SALE.STATUS,
                SALE.CURRENCY,
                SALE.CUSTOMER_ID,
                SALE.NOTE,
                SALE.USER_ID,
                SALE.RETURN_OF_SALE_ID);
        BatchInsert lineRows = BatchInsert.into(
                dsl,
                SALE_LINE,
                SALE_LINE.ID,
                SALE_LINE.SALE_ID,
                SALE_LINE.POSITION,
                SALE_LINE.PRODUCT_ID,
                SALE_LINE.SKU,
                SALE_LINE.NAME,
                SALE_LINE.QUANTITY,
                SALE_LINE.UNIT_PRICE,
                SALE_LINE.DISCOUNT,
                SALE_LINE.TAX_RATE,
                SALE_LINE.TAX,
                SALE_LINE.TOTAL,
                SALE_LINE.IS_SHIPPING_FEE,
                SALE_LINE.UNMATCHED,
                SALE_LINE.IS_ADJUSTMENT,
                SALE_LINE.RETURNED_LINE_ID);
        BatchInsert paymentRows = BatchInsert.into(
                dsl,
                SALE_PAYMENT,
                SALE_PAYMENT.ID,
                SALE_PAYMENT.SALE_ID,
                SALE_PAYMENT.PAYMENT_TYPE_ID,
                SALE_PAYMENT.AMOUNT,
                SALE_PAYMENT.CURRENCY,
                SALE_PAYMENT.PAID_AT,
                SALE_PAYMENT.REGISTER_ID,
                SALE_PAYMENT.REGISTER_PERIOD_ID,
                SALE_PAYMENT.USER_ID);
        for (Sale sale : sales) {
            var ref = sale.channelOrder();
            saleRows.row(
                    sale.id(),
                    sale.receiptNumber(),
                    toDb(sale.createdAt()),
                    sale.outletId(),
                    sale.registerId(),
                    sale.source().wireName(),
                    ref.map(r -> r.channelId()).orElse(null),
                    ref.map(r -> r.externalOrderId()).orElse(null),
                    ref.map(r -> r.externalOrderNumber()).orElse(null),
                    ref.map(r -> toDb(r.importedAt())).orElse(null),
                    sale.status().wireName(),
                    sale.currency().getCurrencyCode(),
                    sale.customerId().orElse(null),
                    sale.note(),
                    sale.userId().orElse(null),
                    sale.returnOfSaleId().orElse(null));
            int position = 0;
            for (SaleLine l : sale.lines()) {
                lineRows.row(
                        l.id(),
                        sale.id(),
                        position++,
                        l.productId().orElse(null),
                        l.sku(),
                        l.name(),
                        l.quantity(),
                        l.unitPrice().amount(),
                        l.discount().amount(),
                        l.taxRate().value(),
                        l.tax().amount(),
                        l.total().amount(),
                        l.shippingFee(),
                        l.unmatched(),
                        l.adjustment(),
                        l.returnedLineId().orElse(null));
            }
            for (SalePayment p : sale.payments()) {
                paymentRows.row(
                        p.id(),
                        sale.id(),
                        p.paymentTypeId(),
                        p.amount().amount(),
                        p.amount().currency().getCurrencyCode(),
                        toDb(p.paidAt()),
                        p.registerId(),
                        p.registerPeriodId().orElse(null),
                        p.userId().orElse(null));
            }
        }
        saleRows.execute();
        lineRows.execute();
        paymentRows.execute();
    }

    @Override
    public Optional<Sale> findById(UUID id) {
        return load(dsl.selectFrom(SALE).where(SALE.ID.eq(id)).fetch()).stream().findFirst();
    }

    @Override
    public List<Sale> findByIds(Collection<UUID> ids) {
        return ids.isEmpty()
                ? List.of()
                : load(dsl.selectFrom(SALE).where(SALE.ID.in(ids)).fetch());
    }

    @Override
    public Optional<Sale> findByIdForUpdate(UUID id) {
        return load(dsl.selectFrom(SALE).where(SALE.ID.eq(id)).forUpdate().fetch()).stream()
                .findFirst();
    }

    @Override
    public Map<UUID, Long> returnedQuantities(UUID saleId) {
        var returned = SALE_LINE.as("returned");
        Field<BigDecimal> units = DSL.sum(returned.QUANTITY.neg());
        return dsl.select(returned.RETURNED_LINE_ID, units)
                .from(returned)
                .join(SALE)
                .on(SALE.ID.eq(returned.SALE_ID))
                .where(SALE.RETURN_OF_SALE_ID.eq(saleId))
                .groupBy(returned.RETURNED_LINE_ID)
                .fetchMap(returned.RETURNED_LINE_ID, r -> r.value2().longValueExact());
    }

    @Override
    public void update(Sale sale) {
        dsl.update(SALE)
                .set(SALE.STATUS, sale.status().wireName())
                .set(SALE.NOTE, sale.note())
                .where(SALE.ID.eq(sale.id()))
                .execute();
        Set<UUID> stored = new HashSet<>(dsl.select(SALE_PAYMENT.ID)
                .from(SALE_PAYMENT)
                .where(SALE_PAYMENT.SALE_ID.eq(sale.id()))
                .fetch(SALE_PAYMENT.ID));
        insertPayments(
                sale.id(),
                sale.payments().stream().filter(p -> !stored.contains(p.id())).toList());
    }

    /** A sale recorded at one of these outlets, or fulfilled from one (a pickup at another outlet than the sale's). */
    private static Condition recordedOrFulfilledAt(Collection<UUID> outlets) {
        return SALE.OUTLET_ID
                .in(outlets)
                .or(DSL.exists(DSL.selectOne()
                        .from(FULFILLMENT)
                        .where(FULFILLMENT.SALE_ID.eq(SALE.ID).and(FULFILLMENT.OUTLET_ID.in(outlets)))));
    }

    @Override
    public Page<Sale> list(SaleFilter filter, Optional<Collection<UUID>> visibleOutlets, PageRequest page) {
        Condition where = DSL.noCondition()
                .and(filter.outletId().map(SALE.OUTLET_ID::eq).orElse(DSL.noCondition()))
                .and(filter.channelId().map(SALE.CHANNEL_ID::eq).orElse(DSL.noCondition()))
                .and(filter.externalOrderId().map(SALE.EXTERNAL_ORDER_ID::eq).orElse(DSL.noCondition()))
                .and(filter.customerId().map(SALE.CUSTOMER_ID::eq).orElse(DSL.noCondition()))
                .and(filter.status().map(s -> SALE.STATUS.eq(s.wireName())).orElse(DSL.noCondition()))
                .and(filter.search().map(JooqSaleRepository::matching).orElse(DSL.noCondition()))
                .and(filter.from().map(at -> SALE.CREATED_AT.ge(toDb(at))).orElse(DSL.noCondition()))
                .and(filter.until().map(at -> SALE.CREATED_AT.lt(toDb(at))).orElse(DSL.noCondition()))
                .and(filter.paymentStatus()
                        .map(JooqSaleRepository::paymentStatusIs)
                        .orElse(DSL.noCondition()))
                .and(visibleOutlets
                        .map(JooqSaleRepository::recordedOrFulfilledAt)
                        .orElse(DSL.noCondition()))
                .and(Cursors.before(SALE.ID, page));
        List<SaleRecord> rows = dsl.selectFrom(SALE)
                .where(where)
                .orderBy(SALE.ID.desc())
                .limit(Cursors.overfetch(page))
                .fetch();
        return Page.fromOverfetched(load(rows), page.limit(), Sale::id);
    }

    /**
     * What staff typed or scanned: a receipt number or an order number whole (with or without the platform's "#"), or
     * part of a customer's name or email, in any case.
     */
    private static Condition matching(String search) {
        String number = search.startsWith("#") ? search.substring(1) : search;
        String like = "%"
                + search.toLowerCase(Locale.ROOT)
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_")
                + "%";
        return SALE.RECEIPT_NUMBER
                .eq(search)
                .or(SALE.EXTERNAL_ORDER_NUMBER.in(number, "#" + number))
                .or(SALE.CUSTOMER_ID.in(DSL.select(CUSTOMER.ID)
                        .from(CUSTOMER)
                        .where(DSL.lower(CUSTOMER.NAME).like(like, '!').or(CUSTOMER.EMAIL_KEY.like(like, '!')))));
    }

    /** {@link Sale#paymentStatus()} in SQL: the lines' total against the payments' sum. */
    private static Condition paymentStatusIs(PaymentStatus status) {
        Field<BigDecimal> total = DSL.coalesce(
                DSL.select(DSL.sum(SALE_LINE.TOTAL))
                        .from(SALE_LINE)
                        .where(SALE_LINE.SALE_ID.eq(SALE.ID))
                        .asField(),
                BigDecimal.ZERO);
        Field<BigDecimal> paid = DSL.coalesce(
                DSL.select(DSL.sum(SALE_PAYMENT.AMOUNT))
                        .from(SALE_PAYMENT)
                        .where(SALE_PAYMENT.SALE_ID.eq(SALE.ID))
                        .asField(),
                BigDecimal.ZERO);
        Condition unpaid = paid.eq(BigDecimal.ZERO).and(total.ne(BigDecimal.ZERO));
        return switch (status) {
            case UNPAID -> unpaid;
            case PARTIALLY_PAID -> DSL.not(unpaid).and(total.gt(paid));
            case PAID -> DSL.not(unpaid).and(total.le(paid));
        };
    }

    private void insertPayments(UUID saleId, List<SalePayment> payments) {
        for (SalePayment payment : payments) {
            paymentRecord(saleId, payment).insert();
        }
    }

    private SalePaymentRecord paymentRecord(UUID saleId, SalePayment payment) {
        SalePaymentRecord r = dsl.newRecord(SALE_PAYMENT);
        r.setId(payment.id());
        r.setSaleId(saleId);
        r.setPaymentTypeId(payment.paymentTypeId());
        r.setAmount(payment.amount().amount());
        r.setCurrency(payment.amount().currency().getCurrencyCode());
        r.setPaidAt(toDb(payment.paidAt()));
        r.setRegisterId(payment.registerId());
        r.setRegisterPeriodId(payment.registerPeriodId().orElse(null));
        r.setUserId(payment.userId().orElse(null));
        return r;
    }

    private List<Sale> load(List<SaleRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(SaleRecord::getId).toList();
        Map<UUID, List<SaleLineRecord>> lines =
                dsl.selectFrom(SALE_LINE).where(SALE_LINE.SALE_ID.in(ids)).orderBy(SALE_LINE.POSITION).fetch().stream()
                        .collect(Collectors.groupingBy(SaleLineRecord::getSaleId));
        // The payments with the kind and processor of their types, in the same query.
        var paid = dsl.select(SALE_PAYMENT.asterisk(), PAYMENT_TYPE.KIND, PAYMENT_TYPE.PROCESSOR)
                .from(SALE_PAYMENT)
                .join(PAYMENT_TYPE)
                .on(PAYMENT_TYPE.ID.eq(SALE_PAYMENT.PAYMENT_TYPE_ID))
                .where(SALE_PAYMENT.SALE_ID.in(ids))
                .orderBy(SALE_PAYMENT.PAID_AT, SALE_PAYMENT.ID)
                .fetch();
        Map<UUID, List<SalePaymentRecord>> payments = paid.stream()
                .map(r -> r.into(SALE_PAYMENT))
                .collect(Collectors.groupingBy(SalePaymentRecord::getSaleId));
        Map<UUID, PaymentTypeInfo> types = new HashMap<>();
        paid.forEach(r -> types.putIfAbsent(
                r.get(SALE_PAYMENT.PAYMENT_TYPE_ID),
                new PaymentTypeInfo(
                        PaymentKind.fromWire(r.get(PAYMENT_TYPE.KIND)),
                        Optional.ofNullable(r.get(PAYMENT_TYPE.PROCESSOR)))));
        return rows.stream()
                .map(row -> toSale(
                        row,
                        lines.getOrDefault(row.getId(), List.of()),
                        payments.getOrDefault(row.getId(), List.of()),
                        types))
                .toList();
    }

    private static Sale toSale(
            SaleRecord row,
            List<SaleLineRecord> lineRows,
            List<SalePaymentRecord> paymentRows,
            Map<UUID, PaymentTypeInfo> types) {
        Currency currency = Currency.getInstance(row.getCurrency().trim());
        List<SaleLine> lines = lineRows.stream()
                .map(l -> new SaleLine(
                        l.getId(),
                        Optional.ofNullable(l.getProductId()),
                        l.getSku(),
                        l.getName(),
                        l.getQuantity(),
                        Money.of(l.getUnitPrice(), currency),
                        Money.of(l.getDiscount(), currency),
                        new TaxRate(l.getTaxRate()),
                        Money.of(l.getTax(), currency),
                        Money.of(l.getTotal(), currency),
                        l.getIsShippingFee(),
                        l.getUnmatched(),
                        l.getIsAdjustment(),
                        Optional.ofNullable(l.getReturnedLineId())))
                .toList();
        List<SalePayment> payments = paymentRows.stream()
                .map(p -> {
                    PaymentTypeInfo type = types.get(p.getPaymentTypeId());
                    return new SalePayment(
                            p.getId(),
                            p.getPaymentTypeId(),
                            type.kind(),
                            type.processor(),
                            Money.of(
                                    p.getAmount(),
                                    Currency.getInstance(p.getCurrency().trim())),
                            fromDb(p.getPaidAt()),
                            p.getRegisterId(),
                            Optional.ofNullable(p.getRegisterPeriodId()),
                            Optional.ofNullable(p.getUserId()));
                })
                .toList();
        Optional<ChannelOrderRef> channelOrder = Optional.ofNullable(row.getChannelId())
                .map(channel -> new ChannelOrderRef(
                        channel,
                        row.getExternalOrderId(),
                        row.getExternalOrderNumber(),
                        // An online sale written before imported_at existed was created when it was imported.
                        fromDb(row.getImportedAt() != null ? row.getImportedAt() : row.getCreatedAt())));
        return new Sale(
                row.getId(),
                row.getReceiptNumber(),
                fromDb(row.getCreatedAt()),
                row.getOutletId(),
                row.getRegisterId(),
                SaleSource.fromWire(row.getSource()),
                channelOrder,
                SaleStatus.fromWire(row.getStatus()),
                currency,
                Optional.ofNullable(row.getCustomerId()),
                lines,
                payments,
                row.getNote(),
                Optional.ofNullable(row.getUserId()),
                Optional.ofNullable(row.getReturnOfSaleId()));
    }

    /** The kind and processor of a payment type, shown on each payment. */
    private record PaymentTypeInfo(PaymentKind kind, Optional<String> processor) {}
}
