package org.storeline.core.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: payment types, unique by name. Processor credentials are sealed at rest and read back only to be sent. */
public interface PaymentTypeRepository {
    default void insert(PaymentType type) {
        insert(type, Optional.empty());
    }

    /** Inserts a type with the credentials its refunds are sent with, if any (sealed before they are written). */
    void insert(PaymentType type, Optional<String> processorCredentials);

    Optional<PaymentType> findById(UUID id);

    boolean nameTaken(String name);

    List<PaymentType> findAll();

    /** Where this type's refunds go, with its credentials unsealed; empty for a type refunded by hand. */
    Optional<ProcessorEndpoint> endpointOf(UUID id);
}
