package org.storeline.core.email;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.customer.Customer;
import org.storeline.core.customer.CustomerRepository;
import org.storeline.core.customer.Email;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.sale.Sale;
import org.storeline.core.sale.SaleService;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/** The email settings (admins), a sale's customer emails and their resending (whoever may see and sell the sale). */
public final class CustomerEmailService {
    private final EmailSettingsRepository settings;
    private final CustomerEmailRepository emails;
    private final SaleService sales;
    private final CustomerRepository customers;
    private final Transactions tx;
    private final Clock clock;

    public CustomerEmailService(
            EmailSettingsRepository settings,
            CustomerEmailRepository emails,
            SaleService sales,
            CustomerRepository customers,
            Transactions tx,
            Clock clock) {
        this.settings = settings;
        this.emails = emails;
        this.sales = sales;
        this.customers = customers;
        this.tx = tx;
        this.clock = clock;
    }

    public EmailSettings settings(Actor actor) {
        actor.require(Permission.MANAGE_SETTINGS);
        return settings.get();
    }

    public EmailSettings updateSettings(Actor actor, EmailSettings.Changes changes) {
        actor.require(Permission.MANAGE_SETTINGS);
        return tx.inTransaction(() -> {
            EmailSettings next = settings.get().with(changes);
            settings.update(next);
            return next;
        });
    }

    /** The customer emails of a sale the actor may see, oldest first. */
    public List<CustomerEmail> ofSale(Actor actor, UUID saleId) {
        sales.get(actor, saleId);
        return emails.findBySale(saleId);
    }

    /**
     * Queues an email of the sale again, to the customer's address now (or the one it had): the email job sends it
     * within seconds, with a fresh round of attempts. Refused while customer emails are off, or with no address.
     */
    public CustomerEmail resend(Actor actor, UUID saleId, UUID emailId) {
        actor.require(Permission.SELL);
        Sale sale = sales.get(actor, saleId);
        return tx.inTransaction(() -> {
            CustomerEmail email = emails.findByIdForUpdate(emailId)
                    .filter(e -> e.saleId().equals(saleId))
                    .orElseThrow(() -> StorelineException.notFound(ErrorCode.EMAIL_NOT_FOUND, "Email", emailId));
            if (!settings.get().enabled()) {
                throw new StorelineException(
                        ErrorCode.EMAILS_OFF,
                        "Customer emails are off: an admin turns them on with PUT /api/v1/settings/email first.");
            }
            Optional<Email> to = sale.customerId()
                    .flatMap(customers::findById)
                    .flatMap(Customer::email)
                    .or(email::recipient);
            if (to.isEmpty()) {
                throw new StorelineException(
                        ErrorCode.NO_CUSTOMER_EMAIL,
                        "The sale's customer has no email address, so there is no one to send it to.");
            }
            CustomerEmail again = email.resend(to.get(), clock.instant());
            emails.update(again);
            return again;
        });
    }
}
