package org.storeline.db.report;

import static org.storeline.db.jooq.Tables.CHANNEL;
import static org.storeline.db.jooq.Tables.OUTLET;
import static org.storeline.db.jooq.Tables.PAYMENT_TYPE;
import static org.storeline.db.jooq.Tables.PRODUCT;
import static org.storeline.db.jooq.Tables.REGISTER;
import static org.storeline.db.jooq.Tables.SALE;
import static org.storeline.db.jooq.Tables.SALE_LINE;
import static org.storeline.db.jooq.Tables.SALE_PAYMENT;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.storeline.core.money.Money;
import org.storeline.core.payment.PaymentKind;
import org.storeline.core.report.ChannelSalesRow;
import org.storeline.core.report.OutletRange;
import org.storeline.core.report.PaymentRow;
import org.storeline.core.report.ProductSalesRow;
import org.storeline.core.report.ReportQueries;
import org.storeline.core.sale.SaleStatus;

/**
 * The reports' figures, summed by PostgreSQL: one grouped query per report, whatever the number of sales. Amounts
 * are summed exactly (numeric) and read back at the currency's scale.
 */
public final class JooqReportQueries implements ReportQueries {
    private static final Field<BigDecimal> ZERO = DSL.inline(BigDecimal.ZERO);

    private final DSLContext dsl;

    public JooqReportQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Rows of any of the ranges: at one of its outlets, at a time inside its span. */
    static Condition within(List<OutletRange> ranges, Field<UUID> outlet, Field<OffsetDateTime> time) {
        Condition any = DSL.falseCondition();
        for (OutletRange range : ranges) {
            Condition one = outlet.in(range.outletIds());
            if (range.from().isPresent()) {
                one = one.and(time.ge(toDb(range.from().get())));
            }
            if (range.to().isPresent()) {
                one = one.and(time.lt(toDb(range.to().get())));
            }
            any = any.or(one);
        }
        return any;
    }

    /** A payment belongs to the outlet of the register it was taken on (a pickup paid at another outlet's counter). */
    @Override
    public List<PaymentRow> payments(List<OutletRange> ranges) {
        Condition refund = SALE_PAYMENT.AMOUNT.lt(ZERO);
        Field<Integer> receivedCount = DSL.count().filterWhere(refund.not());
        Field<BigDecimal> received = DSL.coalesce(DSL.sum(SALE_PAYMENT.AMOUNT).filterWhere(refund.not()), ZERO);
        Field<Integer> refundedCount = DSL.count().filterWhere(refund);
        Field<BigDecimal> refunded =
                DSL.coalesce(DSL.sum(SALE_PAYMENT.AMOUNT.neg()).filterWhere(refund), ZERO);
        return dsl.select(
                        PAYMENT_TYPE.ID,
                        PAYMENT_TYPE.NAME,
                        PAYMENT_TYPE.KIND,
                        PAYMENT_TYPE.PROCESSOR,
                        SALE_PAYMENT.CURRENCY,
                        receivedCount,
                        received,
                        refundedCount,
                        refunded)
                .from(SALE_PAYMENT)
                .join(REGISTER)
                .on(REGISTER.ID.eq(SALE_PAYMENT.REGISTER_ID))
                .join(PAYMENT_TYPE)
                .on(PAYMENT_TYPE.ID.eq(SALE_PAYMENT.PAYMENT_TYPE_ID))
                .where(within(ranges, REGISTER.OUTLET_ID, SALE_PAYMENT.PAID_AT))
                .groupBy(
                        PAYMENT_TYPE.ID,
                        PAYMENT_TYPE.NAME,
                        PAYMENT_TYPE.KIND,
                        PAYMENT_TYPE.PROCESSOR,
                        SALE_PAYMENT.CURRENCY)
                .orderBy(PAYMENT_TYPE.NAME, PAYMENT_TYPE.ID, SALE_PAYMENT.CURRENCY)
                .fetch(r -> {
                    Currency currency = currency(r.get(SALE_PAYMENT.CURRENCY));
                    return new PaymentRow(
                            r.get(PAYMENT_TYPE.ID),
                            r.get(PAYMENT_TYPE.NAME),
                            PaymentKind.fromWire(r.get(PAYMENT_TYPE.KIND)),
                            Optional.ofNullable(r.get(PAYMENT_TYPE.PROCESSOR)),
                            r.get(receivedCount),
                            Money.of(r.get(received), currency),
                            r.get(refundedCount),
                            Money.of(r.get(refunded), currency));
                });
    }

    /**
     * Lines are grouped by their product; lines of no product by their own SKU and name; adjustment lines together.
     * The product's current SKU and name are shown (a line keeps the name it was sold under, the shipping fee line
     * its shipping method, so they differ from line to line).
     */
    @Override
    public List<ProductSalesRow> productSales(List<OutletRange> ranges) {
        Field<Boolean> adjustment = SALE_LINE.IS_ADJUSTMENT;
        Condition unmatched = PRODUCT.ID.isNull().and(adjustment.isFalse());
        Field<String> unmatchedSku = DSL.when(unmatched, SALE_LINE.SKU);
        Field<String> unmatchedName = DSL.when(unmatched, SALE_LINE.NAME);
        Field<BigDecimal> quantity = DSL.sum(SALE_LINE.QUANTITY);
        Field<BigDecimal> returned =
                DSL.coalesce(DSL.sum(SALE_LINE.QUANTITY.neg()).filterWhere(SALE_LINE.QUANTITY.lt(0L)), ZERO);
        Field<BigDecimal> net = DSL.sum(SALE_LINE.TOTAL.minus(SALE_LINE.TAX));
        Field<BigDecimal> tax = DSL.sum(SALE_LINE.TAX);
        Field<BigDecimal> total = DSL.sum(SALE_LINE.TOTAL);
        return dsl.select(
                        adjustment,
                        PRODUCT.ID,
                        PRODUCT.SKU,
                        PRODUCT.NAME,
                        PRODUCT.IS_SHIPPING_FEE,
                        unmatchedSku,
                        unmatchedName,
                        SALE.CURRENCY,
                        quantity,
                        returned,
                        net,
                        tax,
                        total)
                .from(SALE_LINE)
                .join(SALE)
                .on(SALE.ID.eq(SALE_LINE.SALE_ID))
                .leftJoin(PRODUCT)
                .on(PRODUCT.ID.eq(SALE_LINE.PRODUCT_ID).and(adjustment.isFalse()))
                .where(SALE.STATUS.ne(SaleStatus.CANCELLED.wireName()))
                .and(within(ranges, SALE.OUTLET_ID, SALE.CREATED_AT))
                .groupBy(
                        adjustment,
                        PRODUCT.ID,
                        PRODUCT.SKU,
                        PRODUCT.NAME,
                        PRODUCT.IS_SHIPPING_FEE,
                        unmatchedSku,
                        unmatchedName,
                        SALE.CURRENCY)
                .orderBy(
                        adjustment,
                        PRODUCT.ID.isNull(),
                        PRODUCT.IS_SHIPPING_FEE,
                        DSL.coalesce(PRODUCT.NAME, unmatchedName),
                        DSL.coalesce(PRODUCT.SKU, unmatchedSku),
                        PRODUCT.ID,
                        SALE.CURRENCY)
                .fetch(r -> productRow(r, unmatchedSku, unmatchedName, quantity, returned, net, tax, total));
    }

    private static ProductSalesRow productRow(
            Record r,
            Field<String> unmatchedSku,
            Field<String> unmatchedName,
            Field<BigDecimal> quantity,
            Field<BigDecimal> returned,
            Field<BigDecimal> net,
            Field<BigDecimal> tax,
            Field<BigDecimal> total) {
        Currency currency = currency(r.get(SALE.CURRENCY));
        Optional<UUID> product = Optional.ofNullable(r.get(PRODUCT.ID));
        ProductSalesRow.Kind kind = r.get(SALE_LINE.IS_ADJUSTMENT)
                ? ProductSalesRow.Kind.ADJUSTMENT
                : product.isPresent() ? ProductSalesRow.Kind.PRODUCT : ProductSalesRow.Kind.UNMATCHED;
        String sku = switch (kind) {
            case PRODUCT -> r.get(PRODUCT.SKU);
            case UNMATCHED -> r.get(unmatchedSku);
            case ADJUSTMENT -> ProductSalesRow.ADJUSTMENT_SKU;
        };
        String name = switch (kind) {
            case PRODUCT -> r.get(PRODUCT.NAME);
            case UNMATCHED -> r.get(unmatchedName);
            case ADJUSTMENT -> ProductSalesRow.ADJUSTMENT_NAME;
        };
        return new ProductSalesRow(
                kind,
                product,
                sku,
                name,
                kind == ProductSalesRow.Kind.PRODUCT && r.get(PRODUCT.IS_SHIPPING_FEE),
                r.get(quantity).longValueExact(),
                r.get(returned).longValueExact(),
                Money.of(r.get(net), currency),
                Money.of(r.get(tax), currency),
                Money.of(r.get(total), currency));
    }

    /** Lines joined to their sales: a sale is counted once per group however many lines it has. */
    @Override
    public List<ChannelSalesRow> salesByChannel(List<OutletRange> ranges) {
        Field<LocalDate> day =
                DSL.field("({0} at time zone {1})::date", SQLDataType.LOCALDATE, SALE.CREATED_AT, OUTLET.TIME_ZONE);
        Condition isReturn = SALE.RETURN_OF_SALE_ID.isNotNull();
        Field<Integer> sales = DSL.countDistinct(SALE.ID).filterWhere(isReturn.not());
        Field<Integer> returns = DSL.countDistinct(SALE.ID).filterWhere(isReturn);
        Field<BigDecimal> total = DSL.sum(SALE_LINE.TOTAL);
        return dsl.select(SALE.CHANNEL_ID, CHANNEL.NAME, day, SALE.CURRENCY, sales, returns, total)
                .from(SALE)
                .join(OUTLET)
                .on(OUTLET.ID.eq(SALE.OUTLET_ID))
                .join(SALE_LINE)
                .on(SALE_LINE.SALE_ID.eq(SALE.ID))
                .leftJoin(CHANNEL)
                .on(CHANNEL.ID.eq(SALE.CHANNEL_ID))
                .where(SALE.STATUS.ne(SaleStatus.CANCELLED.wireName()))
                .and(within(ranges, SALE.OUTLET_ID, SALE.CREATED_AT))
                .groupBy(SALE.CHANNEL_ID, CHANNEL.NAME, day, SALE.CURRENCY)
                .orderBy(day, SALE.CHANNEL_ID.isNotNull(), CHANNEL.NAME, SALE.CHANNEL_ID, SALE.CURRENCY)
                .fetch(r -> new ChannelSalesRow(
                        Optional.ofNullable(r.get(SALE.CHANNEL_ID)),
                        r.get(CHANNEL.NAME) == null ? "" : r.get(CHANNEL.NAME),
                        r.get(day),
                        r.get(sales),
                        r.get(returns),
                        Money.of(r.get(total), currency(r.get(SALE.CURRENCY)))));
    }

    private static Currency currency(String code) {
        return Currency.getInstance(code.trim());
    }
}
