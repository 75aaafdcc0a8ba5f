package org.storeline.core.fulfillment;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.storeline.core.channel.Channel;
import org.storeline.core.channel.ChannelRepository;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.CustomerService;
import org.storeline.core.outlet.Outlet;
import org.storeline.core.outlet.OutletService;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.sale.ChannelOrderRef;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleService;
import org.storeline.core.user.Actor;
import org.storeline.core.user.UserRepository;

/**
 * What the Fulfillments page shows (FUL-1): one outlet's fulfillments with their sale, customer, channel name and
 * assignee's name, and how many each open status has. The same checks as the API's list: the actor must be permitted
 * for the outlet. Names of channels and users are shown to staff who may not manage them: names only, never settings.
 */
public final class FulfillmentBoard {
    private final FulfillmentService fulfillments;
    private final FulfillmentRepository repository;
    private final SaleService sales;
    private final CustomerService customers;
    private final ChannelRepository channels;
    private final UserRepository users;
    private final OutletService outlets;

    public FulfillmentBoard(
            FulfillmentService fulfillments,
            FulfillmentRepository repository,
            SaleService sales,
            CustomerService customers,
            ChannelRepository channels,
            UserRepository users,
            OutletService outlets) {
        this.fulfillments = fulfillments;
        this.repository = repository;
        this.sales = sales;
        this.customers = customers;
        this.channels = channels;
        this.users = users;
        this.outlets = outlets;
    }

    /** One line of the list, with what it names read in a few queries for the whole page. */
    public record Row(
            Fulfillment fulfillment,
            Sale sale,
            Optional<Customer> customer,
            Optional<String> channelName,
            Optional<String> assigneeName) {}

    /** The outlet, a page of its fulfillments for the filter, and the count of each open status (tabs). */
    public record Board(Outlet outlet, Map<FulfillmentStatus, Long> counts, Page<Row> rows) {
        public long count(FulfillmentStatus status) {
            return counts.getOrDefault(status, 0L);
        }
    }

    /** {@code filter} must name the outlet; its statuses choose the tab. */
    public Board open(Actor actor, FulfillmentRepository.Filter filter, PageRequest page) {
        UUID outletId = filter.outletId()
                .orElseThrow(() -> new IllegalArgumentException("The board shows one outlet's fulfillments"));
        Outlet outlet = outlets.get(actor, outletId);
        Page<Fulfillment> found = fulfillments.list(actor, filter, page);
        Map<FulfillmentStatus, Long> counts = new EnumMap<>(FulfillmentStatus.class);
        counts.putAll(repository.countByStatus(filter, Optional.of(List.of(outletId))));
        return new Board(outlet, counts, new Page<>(rows(found.items()), found.next()));
    }

    /** One fulfillment as a row, for its details; refused like the API's for an outlet the actor may not see. */
    public Row row(Actor actor, UUID fulfillmentId) {
        return rows(List.of(fulfillments.get(actor, fulfillmentId))).get(0);
    }

    private List<Row> rows(List<Fulfillment> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        Map<UUID, Sale> saleOf =
                sales.requireAll(items.stream().map(Fulfillment::saleId).collect(Collectors.toSet()));
        Map<UUID, Customer> customerOf = customers.getAll(saleOf.values().stream()
                .flatMap(sale -> sale.customerId().stream())
                .collect(Collectors.toSet()));
        Map<UUID, String> channelNames = channelNames(saleOf.values().stream()
                .flatMap(sale -> sale.channelOrder().stream())
                .map(ChannelOrderRef::channelId)
                .collect(Collectors.toSet()));
        Map<UUID, String> userNames = users.namesOf(
                items.stream().flatMap(f -> f.assignedUserId().stream()).collect(Collectors.toSet()));
        return items.stream()
                .map(f -> {
                    Sale sale = saleOf.get(f.saleId());
                    return new Row(
                            f,
                            sale,
                            sale.customerId().map(customerOf::get),
                            sale.channelOrder().map(ref -> channelNames.get(ref.channelId())),
                            f.assignedUserId().map(userNames::get));
                })
                .toList();
    }

    private Map<UUID, String> channelNames(Set<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        for (UUID id : ids) {
            channels.findById(id).map(Channel::name).ifPresent(name -> names.put(id, name));
        }
        return names;
    }
}
