package org.storeline.web.app.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.storeline.web.app.view.Shell;

/**
 * One product: its facts and, for whoever manages the catalog, the form that changes them; its level at each outlet the
 * user may see (below zero said in words); for one outlet, the form that sets its level with a reason (for whoever may
 * adjust stock) and the movements ledger, newest first.
 */
public record ProductPage(
        Shell shell,
        ProductRow product,
        Edit edit,
        boolean canEdit,
        boolean canAdjust,
        List<Level> levels,
        Optional<Level> selected,
        List<Movement> ledger,
        Optional<String> olderUrl,
        Optional<String> error,
        Optional<String> done,
        String currency) {

    /** The edit form's values: as stored, or as typed when the change was refused. */
    public record Edit(String name, String price, String taxPercent, String barcodes) {}

    public record Level(UUID outletId, String outlet, long quantity, boolean selected, String url) {
        public boolean negative() {
            return quantity < 0;
        }

        /** "−3" rather than "-3": the minus sign reads as one. */
        public String shown() {
            return quantity < 0 ? "−" + -quantity : Long.toString(quantity);
        }
    }

    /** A row of the ledger: when, by how much, the level it left, why, and the sale that moved it if one did. */
    public record Movement(
            String when, String whenIso, String change, long after, String reason, Optional<String> saleUrl) {
        public boolean negative() {
            return after < 0;
        }

        public String afterShown() {
            return after < 0 ? "−" + -after : Long.toString(after);
        }
    }
}
