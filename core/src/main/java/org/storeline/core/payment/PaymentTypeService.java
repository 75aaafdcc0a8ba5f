package org.storeline.core.payment;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.Require;
import org.storeline.core.error.StorelineException;
import org.storeline.core.ids.Ids;
import org.storeline.core.transaction.Transactions;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Permission;

/** Use cases for payment types. */
public final class PaymentTypeService {
    private final PaymentTypeRepository types;
    private final Transactions tx;
    private final Clock clock;

    public PaymentTypeService(PaymentTypeRepository types, Transactions tx, Clock clock) {
        this.types = types;
        this.tx = tx;
        this.clock = clock;
    }

    public PaymentType create(Actor actor, String name, PaymentKind kind, Optional<String> processor) {
        return create(actor, name, kind, processor, Optional.empty(), Optional.empty());
    }

    /**
     * A payment type; with {@code processorUrl}, refunds through it are sent there (RET-3) with
     * {@code processorCredentials} as their bearer token.
     */
    public PaymentType create(
            Actor actor,
            String name,
            PaymentKind kind,
            Optional<String> processor,
            Optional<String> processorUrl,
            Optional<String> processorCredentials) {
        actor.require(Permission.MANAGE_PAYMENT_TYPES);
        String validName = Require.text("name", name);
        Optional<String> validProcessor = processor.filter(p -> !p.isBlank()).map(p -> Require.text("processor", p));
        Optional<URI> url = processorUrl.filter(u -> !u.isBlank()).map(PaymentTypeService::processorUrl);
        Optional<String> credentials = processorCredentials
                .filter(c -> !c.isBlank())
                .map(c -> {
                    if (c.length() > 4_000 || c.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                        throw StorelineException.invalid(
                                "processor_credentials must be one line of at most 4000 characters"
                                        + " (they are sent as a bearer token).");
                    }
                    return c.trim();
                });
        PaymentType type = new PaymentType(
                Ids.newId(), validName, kind, validProcessor, clock.instant(), url, credentials.isPresent());
        return tx.inTransaction(() -> {
            if (types.nameTaken(validName)) {
                throw new StorelineException(
                        ErrorCode.PAYMENT_TYPE_NAME_TAKEN, "A payment type named '" + validName + "' already exists.");
            }
            types.insert(type, credentials);
            return type;
        });
    }

    /** An absolute http or https URL, without user information (credentials go in processor_credentials). */
    private static URI processorUrl(String value) {
        String text = Require.text("processor_url", value);
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw StorelineException.invalid("processor_url is not a URL: " + e.getReason() + ".");
        }
        boolean web = "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
        if (!web || url.getHost() == null || url.getRawUserInfo() != null) {
            throw StorelineException.invalid(
                    "processor_url must be an absolute http or https URL such as https://refunds.example.com/refunds"
                            + " (without a user name: send credentials in processor_credentials).");
        }
        return url;
    }

    public PaymentType require(UUID id) {
        return types.findById(id)
                .orElseThrow(() -> StorelineException.notFound(ErrorCode.PAYMENT_TYPE_NOT_FOUND, "Payment type", id));
    }

    public List<PaymentType> list() {
        return types.findAll();
    }
}
