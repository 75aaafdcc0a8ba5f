package org.storeline.core.payment;

import java.net.URI;
import java.util.Optional;

/** Where a payment type's refunds are sent, and the credentials sent with them (unsealed, for that call only). */
public record ProcessorEndpoint(URI url, Optional<String> credentials) {
    @Override
    public String toString() {
        return "ProcessorEndpoint[" + url + (credentials.isPresent() ? ", with credentials]" : "]");
    }
}
