package org.storeline.core.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.storeline.core.customer.Email;
import org.storeline.core.transaction.Transactions;

/**
 * Sends the customer emails that are due, through the {@link Mailer}, after the status change that called for them
 * committed: a mail server that is down never blocks or undoes anything but the email. Each due email is claimed
 * first (one more attempt, due again after a lease), so senders in several processes never send one at once; the call
 * is made outside any transaction; its outcome is recorded on the email locked, unless staff resent it meanwhile (its
 * attempts were reset: the resend goes out on its own). A failed email is tried again as {@link RetryPolicy} says.
 */
public final class CustomerEmailSender {
    /** Emails one run sends at most; the rest wait for the next run. */
    static final int BATCH = 50;

    static final String TURNED_OFF = "Customer emails were turned off before it was sent.";

    private final CustomerEmailRepository emails;
    private final EmailSettingsRepository settings;
    private final Mailer mailer;
    private final Transactions tx;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Duration lease;

    /** @param lease longer than the mailer's longest call: an email claimed this long ago by a dead sender is due */
    public CustomerEmailSender(
            CustomerEmailRepository emails,
            EmailSettingsRepository settings,
            Mailer mailer,
            Transactions tx,
            Clock clock,
            RetryPolicy retry,
            Duration lease) {
        this.emails = emails;
        this.settings = settings;
        this.mailer = mailer;
        this.tx = tx;
        this.clock = clock;
        this.retry = retry;
        this.lease = lease;
    }

    /** Sends the emails due now, up to {@value #BATCH}; answers how many it tried. Not inside a transaction. */
    public int sendDue() {
        Instant now = clock.instant();
        List<CustomerEmail> due = tx.inTransaction(() -> emails.claimDue(now, BATCH, now.plus(lease)));
        if (due.isEmpty()) {
            return 0;
        }
        EmailSettings server = settings.get();
        for (CustomerEmail email : due) {
            Outcome outcome = attempt(server, email);
            tx.run(() -> record(email, outcome));
        }
        return due.size();
    }

    /** What became of one attempt: sent, failed (with why, and whether to try again), or not tried at all. */
    private sealed interface Outcome {
        record Delivered() implements Outcome {}

        record Failed(String error, boolean retryable) implements Outcome {}

        record Skipped(String reason) implements Outcome {}
    }

    private Outcome attempt(EmailSettings server, CustomerEmail email) {
        if (!server.enabled()) {
            return new Outcome.Skipped(TURNED_OFF);
        }
        Optional<Email> to = email.recipient();
        if (to.isEmpty()) {
            return new Outcome.Skipped(FulfillmentEmailReader.NO_ADDRESS);
        }
        Mailer.Result result;
        try {
            result = mailer.send(server, new Mailer.Outgoing(email.id(), to.get(), email.letter()));
        } catch (RuntimeException e) {
            // The mailer answers what the server did; anything it throws is ours, and is said as it is.
            result = new Mailer.Result.Failed("The email could not be sent: " + e.getMessage(), true);
        }
        return switch (result) {
            case Mailer.Result.Sent sent -> new Outcome.Delivered();
            case Mailer.Result.Failed failed -> new Outcome.Failed(failed.error(), failed.retryable());
        };
    }

    private void record(CustomerEmail claimed, Outcome outcome) {
        Optional<CustomerEmail> current = emails.findByIdForUpdate(claimed.id());
        if (current.isEmpty()
                || current.get().attempts() != claimed.attempts()
                || !current.get().updatedAt().equals(claimed.updatedAt())
                || !current.get().status().isDue()) {
            return; // resent while this attempt was on its way: the resend is the one that counts now
        }
        Instant now = clock.instant();
        CustomerEmail email = current.get();
        emails.update(
                switch (outcome) {
                    case Outcome.Delivered d -> email.sent(now);
                    case Outcome.Failed f -> email.failed(f.error(), f.retryable(), retry, now);
                    case Outcome.Skipped s -> email.skip(s.reason(), now);
                });
    }
}
