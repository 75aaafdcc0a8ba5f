package org.storeline.web.app.customer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.web.app.view.Shell;

/** The Customers screen: profiles found by part of a name or email, every profile page by page when none is asked. */
public record CustomersPage(Shell shell, String query, List<Row> customers, Optional<String> moreUrl) {

    public record Row(UUID id, String name, String email, String since) {
        public String url() {
            return "/customers/" + id;
        }
    }
}
