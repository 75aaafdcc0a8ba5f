package org.storeline.db.sale;

import static org.storeline.db.jooq.Tables.SALE;
import static org.storeline.db.jooq.Tables.SALE_LINE;
import static org.storeline.db.jooq.Tables.SALE_PAYMENT;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.storeline.core.money.Money;
import org.storeline.core.money.TaxRate;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.sale.ChannelOrderRef;
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
        dsl.batchInsert(sales.stream().map(this::saleRecord).toList()).execute();
        List<SaleLineRecord> lines = new ArrayList<>();
        for (Sale sale : sales) {
            int position = 0;
            for (SaleLine line : sale.lines()) {
                lines.add(lineRecord(sale.id(), position++, line));
            }
        }
        dsl.batchInsert(lines).execute();
        List<SalePaymentRecord> payments = new ArrayList<>();
        sales.forEach(sale -> sale.payments().forEach(p -> payments.add(paymentRecord(sale.id(), p))));
        if (!payments.isEmpty()) {
            dsl.batchInsert(payments).execute();
        }
    }

    private SaleRecord saleRecord(Sale sale) {
        SaleRecord row = dsl.newRecord(SALE);
        row.setId(sale.id());
        row.setReceiptNumber(sale.receiptNumber());
        row.setCreatedAt(toDb(sale.createdAt()));
        row.setOutletId(sale.outletId());
        row.setRegisterId(sale.registerId());
        row.setSource(sale.source().wireName());
        sale.channelOrder().ifPresent(ref -> {
            row.setChannelId(ref.channelId());
            row.setExternalOrderId(ref.externalOrderId());
            row.setExternalOrderNumber(ref.externalOrderNumber());
        });
        row.setStatus(sale.status().wireName());
        row.setCurrency(sale.currency().getCurrencyCode());
        row.setCustomerId(sale.customerId().orElse(null));
        row.setNote(sale.note());
        row.setUserId(sale.userId().orElse(null));
        return row;
    }

    @Override
    public Optional<Sale> findById(UUID id) {
        return load(dsl.selectFrom(SALE).where(SALE.ID.eq(id)).fetch()).stream().findFirst();
    }

    @Override
    public Optional<Sale> findByIdForUpdate(UUID id) {
        return load(dsl.selectFrom(SALE).where(SALE.ID.eq(id)).forUpdate().fetch()).stream().findFirst();
    }

    @Override
    public void update(Sale sale) {
        dsl.update(SALE)
                .set(SALE.STATUS, sale.status().wireName())
                .set(SALE.NOTE, sale.note())
                .where(SALE.ID.eq(sale.id()))
                .execute();
        Set<UUID> stored = new HashSet<>(dsl.select(SALE_PAYMENT.ID).from(SALE_PAYMENT).where(SALE_PAYMENT.SALE_ID.eq(sale.id()))
                .fetch(SALE_PAYMENT.ID));
        insertPayments(sale.id(), sale.payments().stream().filter(p -> !stored.contains(p.id())).toList());
    }

    @Override
    public Page<Sale> list(SaleFilter filter, Optional<Collection<UUID>> visibleOutlets, PageRequest page) {
        Condition where = DSL.noCondition()
                .and(filter.outletId().map(SALE.OUTLET_ID::eq).orElse(DSL.noCondition()))
                .and(filter.channelId().map(SALE.CHANNEL_ID::eq).orElse(DSL.noCondition()))
                .and(filter.externalOrderId().map(SALE.EXTERNAL_ORDER_ID::eq).orElse(DSL.noCondition()))
                .and(filter.customerId().map(SALE.CUSTOMER_ID::eq).orElse(DSL.noCondition()))
                .and(filter.status().map(s -> SALE.STATUS.eq(s.wireName())).orElse(DSL.noCondition()))
                .and(visibleOutlets.map(SALE.OUTLET_ID::in).orElse(DSL.noCondition()))
                .and(Cursors.before(SALE.ID, page));
        List<SaleRecord> rows = dsl.selectFrom(SALE).where(where).orderBy(SALE.ID.desc()).limit(Cursors.overfetch(page)).fetch();
        return Page.fromOverfetched(load(rows), page.limit(), Sale::id);
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

    private SaleLineRecord lineRecord(UUID saleId, int position, SaleLine line) {
        SaleLineRecord r = dsl.newRecord(SALE_LINE);
        r.setId(line.id());
        r.setSaleId(saleId);
        r.setPosition(position);
        r.setProductId(line.productId().orElse(null));
        r.setSku(line.sku());
        r.setName(line.name());
        r.setQuantity(line.quantity());
        r.setUnitPrice(line.unitPrice().amount());
        r.setDiscount(line.discount().amount());
        r.setTaxRate(line.taxRate().value());
        r.setTax(line.tax().amount());
        r.setTotal(line.total().amount());
        r.setIsShippingFee(line.shippingFee());
        r.setUnmatched(line.unmatched());
        r.setIsAdjustment(line.adjustment());
        return r;
    }

    private List<Sale> load(List<SaleRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(SaleRecord::getId).toList();
        Map<UUID, List<SaleLineRecord>> lines = dsl.selectFrom(SALE_LINE).where(SALE_LINE.SALE_ID.in(ids))
                .orderBy(SALE_LINE.POSITION).fetch().stream()
                .collect(Collectors.groupingBy(SaleLineRecord::getSaleId));
        Map<UUID, List<SalePaymentRecord>> payments = dsl.selectFrom(SALE_PAYMENT)
                .where(SALE_PAYMENT.SALE_ID.in(ids)).orderBy(SALE_PAYMENT.PAID_AT, SALE_PAYMENT.ID).fetch().stream()
                .collect(Collectors.groupingBy(SalePaymentRecord::getSaleId));
        Map<UUID, PaymentTypeInfo> types = PaymentTypeInfo.load(dsl,
                payments.values().stream().flatMap(List::stream).map(SalePaymentRecord::getPaymentTypeId).distinct().toList());
        return rows.stream().map(row -> toSale(row, lines.getOrDefault(row.getId(), List.of()),
                payments.getOrDefault(row.getId(), List.of()), types)).toList();
    }

    private static Sale toSale(SaleRecord row, List<SaleLineRecord> lineRows, List<SalePaymentRecord> paymentRows,
                               Map<UUID, PaymentTypeInfo> types) {
        Currency currency = Currency.getInstance(row.getCurrency().trim());
        List<SaleLine> lines = lineRows.stream().map(l -> new SaleLine(l.getId(), Optional.ofNullable(l.getProductId()), l.getSku(),
                l.getName(), l.getQuantity(), Money.of(l.getUnitPrice(), currency), Money.of(l.getDiscount(), currency),
                new TaxRate(l.getTaxRate()), Money.of(l.getTax(), currency), Money.of(l.getTotal(), currency), l.getIsShippingFee(),
                l.getUnmatched(), l.getIsAdjustment())).toList();
        List<SalePayment> payments = paymentRows.stream().map(p -> {
            PaymentTypeInfo type = types.get(p.getPaymentTypeId());
            return new SalePayment(p.getId(), p.getPaymentTypeId(), type.kind(), type.processor(),
                    Money.of(p.getAmount(), Currency.getInstance(p.getCurrency().trim())), fromDb(p.getPaidAt()), p.getRegisterId(),
                    Optional.ofNullable(p.getRegisterPeriodId()), Optional.ofNullable(p.getUserId()));
        }).toList();
        Optional<ChannelOrderRef> channelOrder = Optional.ofNullable(row.getChannelId())
                .map(channel -> new ChannelOrderRef(channel, row.getExternalOrderId(), row.getExternalOrderNumber()));
        return new Sale(row.getId(), row.getReceiptNumber(), fromDb(row.getCreatedAt()), row.getOutletId(), row.getRegisterId(),
                SaleSource.fromWire(row.getSource()), channelOrder, SaleStatus.fromWire(row.getStatus()), currency,
                Optional.ofNullable(row.getCustomerId()), lines, payments, row.getNote(), Optional.ofNullable(row.getUserId()));
    }

    /** The kind and processor of a payment type, shown on each payment. */
    private record PaymentTypeInfo(PaymentKind kind, Optional<String> processor) {
        static Map<UUID, PaymentTypeInfo> load(DSLContext dsl, List<UUID> ids) {
            if (ids.isEmpty()) {
                return Map.of();
            }
            var table = org.storeline.db.jooq.Tables.PAYMENT_TYPE;
            return dsl.selectFrom(table).where(table.ID.in(ids)).fetchMap(table.ID,
                    r -> new PaymentTypeInfo(PaymentKind.fromWire(r.getKind()), Optional.ofNullable(r.getProcessor())));
        }
    }
}
