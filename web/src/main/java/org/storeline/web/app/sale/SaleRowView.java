package org.storeline.web.app.sale;

import org.storeline.core.customer.Customer;
import org.storeline.core.customer.Email;
import org.storeline.core.sale.ChannelOrderRef;
import org.storeline.core.sale.Sale;
import org.storeline.core.salehistory.SaleHistory;
import org.storeline.web.app.i18n.Messages;
import org.storeline.web.app.view.Formats;

/** One sale of Sales history as the page writes it, every text in the reader's language and the outlet's zone. */
public record SaleRowView(
        String id,
        String receipt,
        String orderNumber,
        String createdIso,
        String created,
        String outlet,
        String channel,
        String customer,
        String email,
        String statusKey,
        String status,
        String paymentKey,
        String payment,
        String total,
        boolean isReturn) {

    public static SaleRowView of(SaleHistory.Row row, Messages t) {
        Sale sale = row.sale();
        return new SaleRowView(
                sale.id().toString(),
                sale.receiptNumber(),
                sale.channelOrder().map(ChannelOrderRef::externalOrderNumber).orElse(""),
                sale.createdAt().toString(),
                Formats.dateTime(sale.createdAt(), row.outlet().timeZone(), t),
                row.outlet().name(),
                row.channelName().orElse(t.get("sales.inStore")),
                row.customer().map(Customer::name).filter(n -> !n.isBlank()).orElse(t.get("none")),
                row.customer().flatMap(Customer::email).map(Email::value).orElse(""),
                sale.status().wireName(),
                t.get("sales.status." + sale.status().wireName()),
                sale.paymentStatus().wireName(),
                t.get("payment." + sale.paymentStatus().wireName()),
                SaleFormats.money(sale.total(), t),
                sale.isReturn());
    }
}
