package org.storeline.core.orderimport;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.CustomerRepository;
import org.storeline.core.customer.Email;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;

/**
 * The customer of each order (CUS-1..4): the profile with the order's email if there is one, its name
 * left as it is even when the order's differs; otherwise a new profile with the order's email and name,
 * or the email as name when the order has none. Orders without a valid email get no profile.
 */
public final class CustomerResolver {
    private final CustomerRepository customers;

    public CustomerResolver(CustomerRepository customers) {
        this.customers = customers;
    }

    /** The customer id per order external id, creating the missing profiles in one go. */
    public Map<String, Optional<UUID>> resolve(List<ChannelOrder> orders, Instant now) {
        Map<String, Email> emails = new LinkedHashMap<>();
        for (ChannelOrder order : orders) {
            order.customer()
                    .flatMap(ChannelOrder.OrderCustomer::email)
                    .flatMap(CustomerResolver::parse)
                    .ifPresent(email -> emails.put(order.externalId(), email));
        }
        Map<String, Customer> byKey = new HashMap<>(customers.findByEmailKeys(
                emails.values().stream().map(Email::key).distinct().toList()));
        Map<String, Customer> created = new LinkedHashMap<>();
        Map<String, Optional<UUID>> result = new HashMap<>();
        for (ChannelOrder order : orders) {
            Email email = emails.get(order.externalId());
            if (email == null) {
                result.put(order.externalId(), Optional.empty());
                continue;
            }
            Customer customer = byKey.computeIfAbsent(email.key(), key -> {
                String name = order.customer()
                        .flatMap(ChannelOrder.OrderCustomer::name)
                        .filter(n -> !n.isBlank())
                        .orElse(email.value());
                Customer fresh = new Customer(Ids.newId(), name, Optional.of(email), now);
                created.put(key, fresh);
                return fresh;
            });
            result.put(order.externalId(), Optional.of(customer.id()));
        }
        customers.insertAll(List.copyOf(created.values()));
        return result;
    }

    private static Optional<Email> parse(String email) {
        try {
            return Optional.of(Email.of(email));
        } catch (StorelineException notAnEmail) {
            return Optional.empty();
        }
    }
}
