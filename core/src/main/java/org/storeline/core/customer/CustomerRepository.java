package org.storeline.core.customer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;

/** Port: customer profiles, unique by email key. */
public interface CustomerRepository {
    void insert(Customer customer);

    Optional<Customer> findById(UUID id);

    /** Customers by id, in no particular order (an unknown id is left out). */
    List<Customer> findByIds(Collection<UUID> ids);

    Optional<Customer> findByEmailKey(String emailKey);

    /** Customers by email key, keyed by it. */
    Map<String, Customer> findByEmailKeys(Collection<String> emailKeys);

    void insertAll(List<Customer> customers);

    Page<Customer> list(PageRequest page);

    /** Customers whose name or email contains {@code text} (case aside), in the order of {@link #list}. */
    Page<Customer> search(String text, PageRequest page);
}
