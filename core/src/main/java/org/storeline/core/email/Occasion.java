package org.storeline.core.email;

import java.util.List;
import java.util.Optional;
import org.storeline.core.customer.Customer;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.outlet.Language;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.sale.ChannelOrderRef;
import org.storeline.core.sale.Sale;

/**
 * What a customer email says, taken from the sale, its fulfillment and the outlet that fulfils it.
 *
 * @param orderNumber  the number the customer knows the order by: the platform's order number for an online sale, the
 *                     receipt number otherwise
 * @param customerName empty when the customer has no name of their own (only their email, CUS-4): a plain greeting
 * @param outletName   the outlet that ships it or where it waits to be picked up
 * @param language     the outlet's language
 */
public record Occasion(
        EmailKind kind,
        Language language,
        String orderNumber,
        Optional<String> customerName,
        String outletName,
        List<Item> items,
        Tracking tracking) {

    /** A line of the fulfillment: what the customer gets, and how many. */
    public record Item(String name, long quantity) {}

    public Occasion {
        items = List.copyOf(items);
    }

    public static Occasion of(
            EmailKind kind,
            Sale sale,
            Fulfillment fulfillment,
            Outlet outlet,
            Optional<Customer> customer,
            Tracking tracking) {
        String number = sale.channelOrder()
                .map(ChannelOrderRef::externalOrderNumber)
                .filter(n -> !n.isBlank())
                .orElse(sale.receiptNumber());
        Optional<String> name =
                customer.map(Customer::name).map(Occasion::oneLine).filter(n -> !n.isEmpty() && !n.contains("@"));
        List<Item> items = fulfillment.items().stream()
                .map(i -> new Item(oneLine(i.name()), i.quantity()))
                .toList();
        return new Occasion(kind, outlet.language(), number, name, outlet.name(), items, tracking);
    }

    /** Names come from the platforms: none adds lines of its own to the email. */
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
