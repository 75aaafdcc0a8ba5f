package org.storeline.core.orderimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.storeline.core.channel.ChannelOrder;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.CustomerRepository;
import org.storeline.core.customer.Email;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;

/**
 * The customer of each order of a batch (CUS-1..4), one row per rule and edge case. A row gives the profiles that
 * exist, the buyers of the batch's orders ({@code "email|name"}, a missing part left out: {@code "ann@x.org|"}, or
 * {@code "-"} for an order without a buyer), then each order's customer as {@code "Name <email>"} (or {@code "none"})
 * and the profiles the batch created.
 */
class CustomerResolverTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    record Row(String name, List<String> existing, List<String> buyers, List<String> customers, List<String> created) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rules() {
        return Stream.of(
                new Row(
                        "CUS-1: an order's email finds the existing profile",
                        List.of("Ann Lee <ann@example.com>"),
                        List.of("ann@example.com|Ann Lee"),
                        List.of("Ann Lee <ann@example.com>"),
                        List.of()),
                new Row(
                        "CUS-1: the email matches whatever its case and surrounding spaces",
                        List.of("Ann Lee <Ann@Example.com>"),
                        List.of("  ANN@EXAMPLE.COM |Ann Lee"),
                        List.of("Ann Lee <Ann@Example.com>"),
                        List.of()),
                new Row(
                        "CUS-2: a different name on the order neither renames the profile nor makes another",
                        List.of("Known Name <ann@example.com>"),
                        List.of("ann@example.com|Other Name"),
                        List.of("Known Name <ann@example.com>"),
                        List.of()),
                new Row(
                        "CUS-3: an email no profile has makes one with the order's email and name",
                        List.of("Ann Lee <ann@example.com>"),
                        List.of("bob@example.com|Bob Ray"),
                        List.of("Bob Ray <bob@example.com>"),
                        List.of("Bob Ray <bob@example.com>")),
                new Row(
                        "CUS-3: two orders of a batch with one new email share one new profile, named by the first",
                        List.of(),
                        List.of("bob@example.com|Bob Ray", "BOB@example.com|Robert Ray"),
                        List.of("Bob Ray <bob@example.com>", "Bob Ray <bob@example.com>"),
                        List.of("Bob Ray <bob@example.com>")),
                new Row(
                        "CUS-4: an order without a name names the new profile by its email",
                        List.of(),
                        List.of("cy@example.com|"),
                        List.of("cy@example.com <cy@example.com>"),
                        List.of("cy@example.com <cy@example.com>")),
                new Row(
                        "CUS-4: a blank name counts as no name",
                        List.of(),
                        List.of("cy@example.com|   "),
                        List.of("cy@example.com <cy@example.com>"),
                        List.of("cy@example.com <cy@example.com>")),
                new Row(
                        "CUS-1: an order without an email gets no profile (there is nothing to match on)",
                        List.of(),
                        List.of("|Dee Doe", "-"),
                        List.of("none", "none"),
                        List.of()),
                new Row(
                        "CUS-1: an email that is not one gets no profile rather than failing the batch",
                        List.of(),
                        List.of("not an email|Dee Doe", "ed@example.com|Ed"),
                        List.of("none", "Ed <ed@example.com>"),
                        List.of("Ed <ed@example.com>")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void attachesEachOrderAsTheRuleSays(Row row) {
        FakeCustomers customers = new FakeCustomers();
        row.existing().forEach(profile -> customers.insert(profile(profile)));
        List<ChannelOrder> orders = new ArrayList<>();
        for (String buyer : row.buyers()) {
            orders.add(order("order-" + orders.size(), buyer));
        }

        Map<String, Optional<UUID>> resolved = new CustomerResolver(customers).resolve(orders, NOW);

        List<String> attached = orders.stream()
                .map(o -> resolved.get(o.externalId())
                        .map(id -> render(customers.findById(id).orElseThrow()))
                        .orElse("none"))
                .toList();
        assertThat(attached).as("%s: each order's customer", row).isEqualTo(row.customers());
        assertThat(customers.created.stream().map(CustomerResolverTest::render).toList())
                .as("%s: profiles created", row)
                .isEqualTo(row.created());
        assertThat(customers.created).allSatisfy(c -> assertThat(c.createdAt()).isEqualTo(NOW));
    }

    private static ChannelOrder order(String externalId, String buyer) {
        TestOrders order = TestOrders.order(externalId).line("TEE", 1, "10.00", "10.00", "0.00");
        if (!buyer.equals("-")) {
            String[] parts = buyer.split("\\|", -1);
            order.customer(parts[0].isEmpty() ? null : parts[0], parts[1].isEmpty() ? null : parts[1]);
        }
        return order.build();
    }

    private static Customer profile(String text) {
        int at = text.indexOf(" <");
        Email email = Email.of(text.substring(at + 2, text.length() - 1));
        return new Customer(UUID.randomUUID(), text.substring(0, at), Optional.of(email), Instant.EPOCH);
    }

    private static String render(Customer customer) {
        return customer.name()
                + customer.email().map(e -> " <" + e.value() + ">").orElse("");
    }

    /** Customer profiles in memory, unique by email key, remembering which ones were inserted in bulk. */
    private static final class FakeCustomers implements CustomerRepository {
        private final Map<UUID, Customer> byId = new LinkedHashMap<>();
        private final List<Customer> created = new ArrayList<>();

        @Override
        public void insert(Customer customer) {
            customer.email().flatMap(e -> findByEmailKey(e.key())).ifPresent(c -> {
                throw new IllegalStateException("duplicate email " + c.email());
            });
            byId.put(customer.id(), customer);
        }

        @Override
        public Optional<Customer> findById(UUID id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public List<Customer> findByIds(Collection<UUID> ids) {
            return ids.stream().flatMap(id -> findById(id).stream()).toList();
        }

        @Override
        public Optional<Customer> findByEmailKey(String emailKey) {
            return byId.values().stream()
                    .filter(c ->
                            c.email().map(Email::key).filter(emailKey::equals).isPresent())
                    .findFirst();
        }

        @Override
        public Map<String, Customer> findByEmailKeys(Collection<String> emailKeys) {
            Map<String, Customer> found = new LinkedHashMap<>();
            emailKeys.forEach(key -> findByEmailKey(key).ifPresent(c -> found.put(key, c)));
            return found;
        }

        @Override
        public void insertAll(List<Customer> customers) {
            customers.forEach(this::insert);
            created.addAll(customers);
        }

        @Override
        public Page<Customer> list(PageRequest page) {
            throw new UnsupportedOperationException("not used by the import");
        }

        @Override
        public Page<Customer> search(String text, PageRequest page) {
            throw new UnsupportedOperationException("not used by the import");
        }
    }
}
