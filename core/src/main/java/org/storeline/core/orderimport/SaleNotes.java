package org.storeline.core.orderimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.channel.FulfillmentType;

/**
 * The sale note of an online sale (ORD-8): the customer's contact, the delivery details and their own note. The
 * import writes it ({@link #of}); documents read it back ({@link #read}), so both sides of the format live here.
 */
public final class SaleNotes {
    private static final String ORDER = "Order ";
    private static final String CUSTOMER = "Customer: ";
    private static final String DELIVERY = "Delivery: ";
    private static final String BY = " by ";
    private static final String ADDRESS_INDENT = "  ";
    private static final String CUSTOMER_NOTE = "Customer's note: ";
    private static final Pattern FIRST_LINE = Pattern.compile("Order .* from .* \\([a-z]+\\)");

    private SaleNotes() {}

    static String of(ChannelOrder order, Channel channel) {
        List<String> parts = new ArrayList<>();
        parts.add(ORDER + order.number() + " from " + channel.name() + " ("
                + channel.platform().wireName() + ")");
        String contact =
                order.customer().flatMap(ChannelOrder.OrderCustomer::name).orElse("")
                        + order.customer()
                                .flatMap(ChannelOrder.OrderCustomer::email)
                                .map(e -> " <" + e + ">")
                                .orElse("")
                        + order.phone().map(p -> ", " + p).orElse("");
        if (!contact.isBlank()) {
            parts.add(CUSTOMER + contact.trim());
        }
        String delivery = order.fulfillmentType().wireName()
                + order.shippingMethod().map(m -> BY + m).orElse("")
                + order.deliveryAddress()
                        .map(a -> "\n" + ADDRESS_INDENT + a.replace("\n", "\n" + ADDRESS_INDENT))
                        .orElse("");
        parts.add(DELIVERY + delivery);
        order.customerNote().filter(n -> !n.isBlank()).ifPresent(note -> parts.add(CUSTOMER_NOTE + note.trim()));
        return String.join("\n", parts);
    }

    /**
     * What a sale note tells, read back: the parts {@link #of} wrote, and every other line (staff may edit the
     * note) in {@code other}, in order, so that nothing in the note is lost. The import's first line (order number
     * and channel) is left out: the sale carries both.
     */
    public record Details(
            Optional<String> customer,
            Optional<String> shippingMethod,
            List<String> address,
            Optional<String> customerNote,
            List<String> other) {
        public Details {
            address = List.copyOf(address);
            other = List.copyOf(other);
        }
    }

    public static Details read(String note) {
        List<String> lines = note == null ? List.of() : note.lines().toList();
        Optional<String> customer = Optional.empty();
        Optional<String> method = Optional.empty();
        boolean delivery = false;
        List<String> address = new ArrayList<>();
        Optional<String> customerNote = Optional.empty();
        List<String> other = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && FIRST_LINE.matcher(line).matches()) {
                continue;
            }
            if (customer.isEmpty() && line.startsWith(CUSTOMER)) {
                customer = text(line.substring(CUSTOMER.length()));
            } else if (!delivery && deliveryType(line).isPresent()) {
                delivery = true;
                method = shippingMethod(line, deliveryType(line).get());
                while (i + 1 < lines.size() && lines.get(i + 1).startsWith(ADDRESS_INDENT)) {
                    text(lines.get(++i)).ifPresent(address::add);
                }
            } else if (line.startsWith(CUSTOMER_NOTE)) {
                // Written last, and the customer's own text may run over several lines.
                customerNote =
                        text(String.join("\n", lines.subList(i, lines.size())).substring(CUSTOMER_NOTE.length()));
                break;
            } else if (!line.isBlank()) {
                other.add(line.strip());
            }
        }
        return new Details(customer, method, address, customerNote, other);
    }

    /** The type named by a {@code Delivery: } line, alone or followed by its shipping method. */
    private static Optional<FulfillmentType> deliveryType(String line) {
        if (!line.startsWith(DELIVERY)) {
            return Optional.empty();
        }
        String rest = line.substring(DELIVERY.length());
        for (FulfillmentType type : FulfillmentType.values()) {
            if (rest.equals(type.wireName()) || rest.startsWith(type.wireName() + BY)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> shippingMethod(String line, FulfillmentType type) {
        String rest = line.substring(DELIVERY.length() + type.wireName().length());
        return rest.startsWith(BY) ? text(rest.substring(BY.length())) : Optional.empty();
    }

    private static Optional<String> text(String value) {
        return Optional.of(value.strip()).filter(v -> !v.isEmpty());
    }
}
