package org.storeline.web.app.customer;

import java.util.List;
import java.util.Optional;
import org.storeline.web.app.view.Shell;

/** A customer's profile and their sales at the outlets the user may see, newest first, each linking to its page. */
public record CustomerPage(
        Shell shell, String name, String email, String since, List<SaleRow> sales, Optional<String> moreUrl) {

    /** A sale in the profile: receipt, when and where, total, payment and sale status (in words). */
    public record SaleRow(
            String url,
            String receipt,
            String when,
            String whenIso,
            String outlet,
            String total,
            String payment,
            String paymentKey,
            String status) {}
}
