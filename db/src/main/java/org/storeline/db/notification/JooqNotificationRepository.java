package org.storeline.db.notification;

import static org.storeline.db.jooq.Tables.NOTIFICATION;
import static org.storeline.db.jooq.Tables.NOTIFICATION_READ;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.storeline.core.ids.Ids;
import org.storeline.core.notification.Notification;
import org.storeline.core.notification.NotificationRepository;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.db.postgres.BatchInsert;
import org.storeline.db.postgres.Cursors;

/** Notifications are stored once per outlet; who may see them is decided when they are read. */
public final class JooqNotificationRepository implements NotificationRepository {
    private final DSLContext dsl;

    public JooqNotificationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void announceToOutletUsers(List<Announcement> announcements, Instant at) {
        BatchInsert rows = BatchInsert.into(
                dsl,
                NOTIFICATION,
                NOTIFICATION.ID,
                NOTIFICATION.OUTLET_ID,
                NOTIFICATION.FULFILLMENT_ID,
                NOTIFICATION.SALE_ID,
                NOTIFICATION.MESSAGE,
                NOTIFICATION.CREATED_AT);
        for (Announcement a : announcements) {
            rows.row(Ids.newId(), a.outletId(), a.fulfillmentId(), a.saleId(), a.message(), toDb(at));
        }
        rows.execute();
    }

    @Override
    public Page<Notification> forUser(UUID userId, Collection<UUID> outlets, PageRequest page) {
        var read = NOTIFICATION_READ.as("r");
        List<Notification> rows = dsl.select(NOTIFICATION.asterisk(), read.READ_AT)
                .from(NOTIFICATION)
                .leftJoin(read)
                .on(read.NOTIFICATION_ID.eq(NOTIFICATION.ID).and(read.USER_ID.eq(userId)))
                .where(outlets == null ? DSL.noCondition() : NOTIFICATION.OUTLET_ID.in(outlets))
                .and(Cursors.before(NOTIFICATION.ID, page))
                .orderBy(NOTIFICATION.ID.desc())
                .limit(Cursors.overfetch(page))
                .fetch(r -> new Notification(
                        r.get(NOTIFICATION.ID),
                        userId,
                        r.get(NOTIFICATION.OUTLET_ID),
                        Optional.ofNullable(r.get(NOTIFICATION.FULFILLMENT_ID)),
                        Optional.ofNullable(r.get(NOTIFICATION.SALE_ID)),
                        r.get(NOTIFICATION.MESSAGE),
                        fromDb(r.get(NOTIFICATION.CREATED_AT)),
                        Optional.ofNullable(r.get(read.READ_AT)).map(t -> t.toInstant())));
        return Page.fromOverfetched(rows, page.limit(), Notification::id);
    }
}
