package org.storeline.db.customer;

import static org.storeline.db.jooq.Tables.CUSTOMER;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.CustomerRepository;
import org.storeline.core.customer.Email;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.db.jooq.tables.records.CustomerRecord;
import org.storeline.db.postgres.Cursors;

public final class JooqCustomerRepository implements CustomerRepository {
    private final DSLContext dsl;

    public JooqCustomerRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(Customer customer) {
        dsl.insertInto(CUSTOMER)
                .set(CUSTOMER.ID, customer.id())
                .set(CUSTOMER.NAME, customer.name())
                .set(CUSTOMER.EMAIL, customer.email().map(Email::value).orElse(null))
                .set(CUSTOMER.EMAIL_KEY, customer.email().map(Email::key).orElse(null))
                .set(CUSTOMER.CREATED_AT, toDb(customer.createdAt()))
                .execute();
    }

    @Override
    public Optional<Customer> findById(UUID id) {
        return dsl.selectFrom(CUSTOMER)
                .where(CUSTOMER.ID.eq(id))
                .fetchOptional()
                .map(JooqCustomerRepository::toCustomer);
    }

    @Override
    public List<Customer> findByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return dsl.selectFrom(CUSTOMER).where(CUSTOMER.ID.in(ids)).fetch(JooqCustomerRepository::toCustomer);
    }

    @Override
    public Optional<Customer> findByEmailKey(String emailKey) {
        return dsl.selectFrom(CUSTOMER)
                .where(CUSTOMER.EMAIL_KEY.eq(emailKey))
                .fetchOptional()
                .map(JooqCustomerRepository::toCustomer);
    }

    @Override
    public Page<Customer> list(PageRequest page) {
        List<Customer> rows = dsl.selectFrom(CUSTOMER)
                .where(Cursors.after(CUSTOMER.ID, page))
                .orderBy(CUSTOMER.ID)
                .limit(Cursors.overfetch(page))
                .fetch(JooqCustomerRepository::toCustomer);
        return Page.fromOverfetched(rows, page.limit(), Customer::id);
    }

    @Override
    public Page<Customer> search(String text, PageRequest page) {
        List<Customer> rows = dsl.selectFrom(CUSTOMER)
                .where(Cursors.after(CUSTOMER.ID, page))
                .and(CUSTOMER.NAME.containsIgnoreCase(text).or(CUSTOMER.EMAIL.containsIgnoreCase(text)))
                .orderBy(CUSTOMER.ID)
                .limit(Cursors.overfetch(page))
                .fetch(JooqCustomerRepository::toCustomer);
        return Page.fromOverfetched(rows, page.limit(), Customer::id);
    }

    private static Customer toCustomer(CustomerRecord row) {
        return new Customer(
                row.getId(),
                row.getName(),
                Optional.ofNullable(row.getEmail()).map(Email::of),
                fromDb(row.getCreatedAt()));
    }

    @Override
    public Map<String, Customer> findByEmailKeys(Collection<String> emailKeys) {
        if (emailKeys.isEmpty()) {
            return Map.of();
        }
        Map<String, Customer> found = new HashMap<>();
        dsl.selectFrom(CUSTOMER)
                .where(CUSTOMER.EMAIL_KEY.in(emailKeys))
                .forEach(row -> found.put(row.getEmailKey(), toCustomer(row)));
        return found;
    }

    @Override
    public void insertAll(List<Customer> customers) {
        if (customers.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(
                CUSTOMER, CUSTOMER.ID, CUSTOMER.NAME, CUSTOMER.EMAIL, CUSTOMER.EMAIL_KEY, CUSTOMER.CREATED_AT);
        for (Customer c : customers) {
            insert = insert.values(
                    c.id(),
                    c.name(),
                    c.email().map(Email::value).orElse(null),
                    c.email().map(Email::key).orElse(null),
                    toDb(c.createdAt()));
        }
        insert.execute();
    }
}
