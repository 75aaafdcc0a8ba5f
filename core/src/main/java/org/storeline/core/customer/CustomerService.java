package org.storeline.core.customer;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.Require;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/** Use cases for customer profiles. Customers belong to the whole store, not to one outlet. */
public final class CustomerService {
    private final CustomerRepository customers;
    private final Transactions tx;
    private final Clock clock;

    public CustomerService(CustomerRepository customers, Transactions tx, Clock clock) {
        this.customers = customers;
        this.tx = tx;
        this.clock = clock;
    }

    /** Creates a profile; the name falls back to the email when none is given (CUS-4). */
    public Customer create(Actor actor, Optional<String> name, Optional<String> email) {
        actor.require(Permission.MANAGE_CUSTOMERS);
        Optional<Email> parsed = email.map(e -> {
            if (e.isBlank()) {
                throw StorelineException.invalid(
                        "email is empty: leave it out (or send null) when the customer has none.");
            }
            return Email.of(e);
        });
        String displayName = name.filter(n -> !n.isBlank())
                .map(n -> Require.text("name", n))
                .or(() -> parsed.map(Email::value))
                .orElseThrow(() -> StorelineException.invalid("A customer needs a name or an email."));
        return tx.inTransaction(() -> {
            parsed.ifPresent(e -> customers.findByEmailKey(e.key()).ifPresent(existing -> {
                throw new StorelineException(
                        ErrorCode.EMAIL_TAKEN,
                        "Customer " + existing.id() + " already has the email " + e.value() + ".");
            }));
            Customer customer = new Customer(Ids.newId(), displayName, parsed, clock.instant());
            customers.insert(customer);
            return customer;
        });
    }

    public Customer get(UUID id) {
        return customers
                .findById(id)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.CUSTOMER_NOT_FOUND, "Customer", id));
    }

    /** {@link #get} for many customers at once, keyed by id. */
    public Map<UUID, Customer> getAll(Collection<UUID> ids) {
        Map<UUID, Customer> found = new HashMap<>();
        customers.findByIds(Set.copyOf(ids)).forEach(customer -> found.put(customer.id(), customer));
        for (UUID id : ids) {
            if (!found.containsKey(id)) {
                throw StorelineException.notFound(ErrorCode.CUSTOMER_NOT_FOUND, "Customer", id);
            }
        }
        return found;
    }

    public Optional<Customer> findByEmail(String email) {
        return customers.findByEmailKey(Email.of(email).key());
    }

    public Page<Customer> list(PageRequest page) {
        return customers.list(page);
    }

    /** Customers by part of their name or email; every customer page by page when {@code text} is blank. */
    public Page<Customer> search(String text, PageRequest page) {
        String wanted = text == null ? "" : text.strip();
        if (wanted.isEmpty()) {
            return customers.list(page);
        }
        if (wanted.length() > 200) {
            throw StorelineException.invalid("The search text is " + wanted.length() + " characters; use at most 200.");
        }
        return customers.search(wanted, page);
    }
}
