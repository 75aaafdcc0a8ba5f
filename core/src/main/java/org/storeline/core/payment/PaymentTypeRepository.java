package org.storeline.core.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: payment types, unique by name. */
public interface PaymentTypeRepository {
    void insert(PaymentType type);

    Optional<PaymentType> findById(UUID id);

    boolean nameTaken(String name);

    List<PaymentType> findAll();
}
