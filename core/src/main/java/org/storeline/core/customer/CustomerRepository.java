package org.storeline.core.customer;

import java.util.Optional;
import java.util.UUID;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;

/** Port: customer profiles, unique by email key. */
public interface CustomerRepository {
    void insert(Customer customer);

    Optional<Customer> findById(UUID id);

    Optional<Customer> findByEmailKey(String emailKey);

    /** Customers by email key, keyed by it. */
    java.util.Map<String, Customer> findByEmailKeys(java.util.Collection<String> emailKeys);

    void insertAll(java.util.List<Customer> customers);

    Page<Customer> list(PageRequest page);
}
