package org.storeline.db.notification;

import static org.storeline.db.jooq.Tables.NOTIFICATION;
import static org.storeline.db.jooq.Tables.NOTIFICATION_READ;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.storeline.core.notification.Notification;
import org.storeline.core.notification.NotificationRepository;
import org.storeline.core.notification.UserNotification;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.db.jooq.tables.NotificationRead;
import org.storeline.db.postgres.BatchInsert;
import org.storeline.db.postgres.Cursors;

/**
 * Notifications are stored once per outlet; who may see them is decided when they are read. What each user has read
 * is a row of {@code notification_read} (user, notification), written once: reading again keeps the first time.
 */
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
            rows.row(a.id(), a.outletId(), a.fulfillmentId(), a.saleId(), a.message(), toDb(at));
        }
        rows.execute();
    }

    @Override
    public Page<UserNotification> forUser(
            UUID userId, Optional<Collection<UUID>> outlets, boolean unreadOnly, PageRequest page) {
        NotificationRead read = NOTIFICATION_READ.as("r");
        List<UserNotification> rows = dsl.select(NOTIFICATION.asterisk(), read.READ_AT)
                .from(NOTIFICATION)
                .leftJoin(read)
                .on(read.NOTIFICATION_ID.eq(NOTIFICATION.ID).and(read.USER_ID.eq(userId)))
                .where(atOutlets(outlets))
                .and(unreadOnly ? read.READ_AT.isNull() : DSL.noCondition())
                .and(Cursors.before(NOTIFICATION.ID, page))
                .orderBy(NOTIFICATION.ID.desc())
                .limit(Cursors.overfetch(page))
                .fetch(r -> new UserNotification(
                        notification(r),
                        Optional.ofNullable(r.get(read.READ_AT)).map(t -> fromDb(t))));
        return Page.fromOverfetched(rows, page.limit(), n -> n.notification().id());
    }

    @Override
    public Optional<UserNotification> find(UUID id, UUID userId) {
        NotificationRead read = NOTIFICATION_READ.as("r");
        return dsl.select(NOTIFICATION.asterisk(), read.READ_AT)
                .from(NOTIFICATION)
                .leftJoin(read)
                .on(read.NOTIFICATION_ID.eq(NOTIFICATION.ID).and(read.USER_ID.eq(userId)))
                .where(NOTIFICATION.ID.eq(id))
                .fetchOptional(r -> new UserNotification(
                        notification(r),
                        Optional.ofNullable(r.get(read.READ_AT)).map(t -> fromDb(t))));
    }

    @Override
    public List<Notification> findByIds(Collection<UUID> ids) {
        return dsl.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.ID.in(ids))
                .fetch(JooqNotificationRepository::notification);
    }

    @Override
    public void markRead(UUID userId, UUID notificationId, Instant at) {
        dsl.insertInto(NOTIFICATION_READ)
                .set(NOTIFICATION_READ.USER_ID, userId)
                .set(NOTIFICATION_READ.NOTIFICATION_ID, notificationId)
                .set(NOTIFICATION_READ.READ_AT, toDb(at))
                .onConflictDoNothing()
                .execute();
    }

    /** One statement: every unread notification at the outlets becomes a read row, however many there are. */
    @Override
    public int markAllRead(UUID userId, Optional<Collection<UUID>> outlets, Instant at) {
        NotificationRead read = NOTIFICATION_READ.as("r");
        return dsl.insertInto(
                        NOTIFICATION_READ,
                        NOTIFICATION_READ.USER_ID,
                        NOTIFICATION_READ.NOTIFICATION_ID,
                        NOTIFICATION_READ.READ_AT)
                .select(dsl.select(DSL.val(userId), NOTIFICATION.ID, DSL.val(toDb(at)))
                        .from(NOTIFICATION)
                        .where(atOutlets(outlets))
                        .andNotExists(dsl.selectOne()
                                .from(read)
                                .where(read.USER_ID.eq(userId))
                                .and(read.NOTIFICATION_ID.eq(NOTIFICATION.ID))))
                .onConflictDoNothing()
                .execute();
    }

    @Override
    public Map<UUID, Map<UUID, Instant>> readers(Collection<UUID> notificationIds) {
        Map<UUID, Map<UUID, Instant>> readers = new HashMap<>();
        dsl.selectFrom(NOTIFICATION_READ)
                .where(NOTIFICATION_READ.NOTIFICATION_ID.in(notificationIds))
                .forEach(r -> readers.computeIfAbsent(r.getNotificationId(), id -> new HashMap<>())
                        .put(r.getUserId(), fromDb(r.getReadAt())));
        return readers;
    }

    private static Condition atOutlets(Optional<Collection<UUID>> outlets) {
        return outlets.map(NOTIFICATION.OUTLET_ID::in).orElse(DSL.noCondition());
    }

    private static Notification notification(Record r) {
        return new Notification(
                r.get(NOTIFICATION.ID),
                r.get(NOTIFICATION.OUTLET_ID),
                Optional.ofNullable(r.get(NOTIFICATION.FULFILLMENT_ID)),
                Optional.ofNullable(r.get(NOTIFICATION.SALE_ID)),
                r.get(NOTIFICATION.MESSAGE),
                fromDb(r.get(NOTIFICATION.CREATED_AT)));
    }
}
