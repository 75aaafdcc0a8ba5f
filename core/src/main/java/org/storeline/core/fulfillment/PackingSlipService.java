package org.storeline.core.fulfillment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.CustomerService;
import org.storeline.core.customer.Email;
import org.storeline.core.orderimport.SaleNotes;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.sale.ChannelOrderRef;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleLine;
import org.storeline.core.sale.SaleService;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;

/**
 * Prints a fulfillment's packing slip or pick list (FUL-3) for any user permitted for its outlet: what it says is
 * read in one transaction, and the document is made after it ends, so no connection waits on the renderer.
 */
public final class PackingSlipService {
    private final FulfillmentService fulfillments;
    private final SaleService sales;
    private final OutletService outlets;
    private final CustomerService customers;
    private final PackingSlips documents;
    private final Transactions tx;

    public PackingSlipService(
            FulfillmentService fulfillments,
            SaleService sales,
            OutletService outlets,
            CustomerService customers,
            PackingSlips documents,
            Transactions tx) {
        this.fulfillments = fulfillments;
        this.sales = sales;
        this.outlets = outlets;
        this.customers = customers;
        this.documents = documents;
        this.tx = tx;
    }

    /** A printed document: the PDF, and the receipt number it carries (its barcode). */
    public record Printed(String receiptNumber, byte[] pdf) {}

    public Printed print(Actor actor, UUID fulfillmentId, PaperSize size) {
        PackingSlip slip = tx.inTransaction(() -> {
            Fulfillment fulfillment = fulfillments.get(actor, fulfillmentId);
            // The fulfillment's outlet was checked; its sale may be another outlet's (a split order, FUL-9).
            Sale sale = sales.require(fulfillment.saleId());
            Outlet outlet = outlets.require(fulfillment.outletId());
            Optional<Customer> customer = sale.customerId().map(customers::get);
            return slip(fulfillment, sale, outlet, customer);
        });
        return new Printed(slip.receiptNumber(), documents.pdf(slip, size));
    }

    /**
     * What the document says: the items of this fulfillment (unmatched ones marked, never the shipping fee), the
     * customer and delivery details of the sale note (the customer's profile when the note has no contact), the
     * sale's date in the outlet's zone, in the outlet's language.
     */
    static PackingSlip slip(Fulfillment fulfillment, Sale sale, Outlet outlet, Optional<Customer> customer) {
        Map<UUID, SaleLine> saleLines =
                sale.lines().stream().collect(Collectors.toMap(SaleLine::id, Function.identity()));
        List<PackingSlip.Line> lines = new ArrayList<>();
        for (Fulfillment.Item item : fulfillment.items()) {
            Optional<SaleLine> line = Optional.ofNullable(saleLines.get(item.lineId()));
            if (line.map(SaleLine::shippingFee).orElse(false)) {
                continue;
            }
            lines.add(new PackingSlip.Line(
                    item.sku(),
                    item.name(),
                    item.quantity(),
                    line.map(SaleLine::unmatched).orElse(false)));
        }
        SaleNotes.Details note = SaleNotes.read(sale.note());
        Optional<String> contact = note.customer().or(() -> customer.map(PackingSlipService::contact));
        return new PackingSlip(
                fulfillment.type(),
                outlet.language(),
                outlet.name(),
                sale.receiptNumber(),
                sale.channelOrder().map(ChannelOrderRef::externalOrderNumber),
                sale.createdAt().atZone(outlet.timeZone()),
                contact,
                note.shippingMethod(),
                note.address(),
                note.customerNote(),
                note.other(),
                lines,
                fulfillment.notes().stream().map(FulfillmentNote::text).toList());
    }

    private static String contact(Customer customer) {
        return customer.name()
                + customer.email()
                        .map(Email::value)
                        .filter(e -> !e.equals(customer.name()))
                        .map(e -> " <" + e + ">")
                        .orElse("");
    }
}
