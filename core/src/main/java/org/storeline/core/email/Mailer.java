package org.storeline.core.email;

import java.util.UUID;
import org.storeline.core.customer.Email;

/**
 * Port: hands one email to the SMTP server of the settings. Called outside any transaction; it answers, it never
 * throws for what the server or the network did.
 */
public interface Mailer {
    Result send(EmailSettings server, Outgoing email);

    /** One email to one customer; {@code id} is the customer email's, for the server's logs. */
    record Outgoing(UUID id, Email to, Letter letter) {}

    sealed interface Result {
        /** The server took the email for delivery. */
        record Sent() implements Result {}

        /**
         * The server could not be reached or did not take it. {@code error} says why, for a person; {@code retryable}
         * is false when the server refused the email itself (an address it rejects), so trying again cannot help.
         */
        record Failed(String error, boolean retryable) implements Result {}
    }
}
