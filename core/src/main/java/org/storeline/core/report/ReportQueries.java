package org.storeline.core.report;

import java.util.List;

/**
 * Port: the figures of the reports, totalled where the data is. Each method covers exactly the given ranges
 * (already restricted to the outlets the caller may see) and nothing else; an empty list of ranges is never passed.
 */
public interface ReportQueries {
    /**
     * Every payment recorded on a register of the ranges' outlets with {@code paid_at} in its outlet's range,
     * refunds (negative amounts) included, by payment type and currency, ordered by payment type name.
     */
    List<PaymentRow> payments(List<OutletRange> ranges);

    /**
     * The lines of every sale of the ranges' outlets that is not cancelled and was made ({@code created_at}) in its
     * outlet's range, return sales included: by product (and currency), unmatched lines by SKU and name, and
     * adjustment lines together. Products first (by name), then the shipping fee product, unmatched lines,
     * adjustments.
     */
    List<ProductSalesRow> productSales(List<OutletRange> ranges);

    /**
     * The sales of the ranges' outlets that are not cancelled and were made in their outlet's range, return sales
     * included (counted apart), by channel (in-store sales together, without one), day in the outlet's time zone and
     * currency: by day, then in-store first, then by channel name.
     */
    List<ChannelSalesRow> salesByChannel(List<OutletRange> ranges);
}
