package org.storeline.db.postgres;

import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.storeline.core.paging.PageRequest;

/** Keyset pagination on time-ordered ids: no OFFSET, so a page costs the same wherever it is. */
public final class Cursors {
    private Cursors() {}

    /** Rows after the cursor in ascending id order. */
    public static Condition after(Field<UUID> id, PageRequest page) {
        return page.after().map(id::gt).orElse(DSL.noCondition());
    }

    /** Rows after the cursor in descending id order (newest first). */
    public static Condition before(Field<UUID> id, PageRequest page) {
        return page.after().map(id::lt).orElse(DSL.noCondition());
    }

    /** One more row than asked for, so that the page knows whether another follows. */
    public static int overfetch(PageRequest page) {
        return page.limit() + 1;
    }
}
