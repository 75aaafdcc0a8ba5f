package org.storeline.db.notification;

import static org.storeline.db.jooq.Tables.APP_USER;
import static org.storeline.db.jooq.Tables.NOTIFICATION;
import static org.storeline.db.jooq.Tables.USER_OUTLET;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
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
import org.storeline.db.jooq.tables.records.NotificationRecord;
import org.storeline.db.postgres.Cursors;

public final class JooqNotificationRepository implements NotificationRepository {
    private final DSLContext dsl;

    public JooqNotificationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Two statements for a whole batch: who sees each outlet (admins and its users), then every row at once. */
    @Override
    public void announceToOutletUsers(List<Announcement> announcements, Instant at) {
        if (announcements.isEmpty()) {
            return;
        }
        List<UUID> outlets = announcements.stream().map(Announcement::outletId).distinct().toList();
        List<UUID> admins = dsl.select(APP_USER.ID).from(APP_USER).where(APP_USER.ROLE.eq("admin")).fetch(APP_USER.ID);
        Map<UUID, List<UUID>> outletUsers = dsl.select(USER_OUTLET.OUTLET_ID, USER_OUTLET.USER_ID).from(USER_OUTLET)
                .where(USER_OUTLET.OUTLET_ID.in(outlets))
                .fetchGroups(USER_OUTLET.OUTLET_ID, USER_OUTLET.USER_ID);
        List<NotificationRecord> rows = new ArrayList<>();
        for (Announcement a : announcements) {
            Set<UUID> recipients = new LinkedHashSet<>(admins);
            recipients.addAll(outletUsers.getOrDefault(a.outletId(), List.of()));
            for (UUID user : recipients) {
                NotificationRecord row = dsl.newRecord(NOTIFICATION);
                row.setId(Ids.newId());
                row.setUserId(user);
                row.setOutletId(a.outletId());
                row.setFulfillmentId(a.fulfillmentId());
                row.setSaleId(a.saleId());
                row.setMessage(a.message());
                row.setCreatedAt(toDb(at));
                rows.add(row);
            }
        }
        dsl.batchInsert(rows).execute();
    }

    @Override
    public Page<Notification> forUser(UUID userId, Collection<UUID> outlets, PageRequest page) {
        List<Notification> rows = dsl.selectFrom(NOTIFICATION)
                .where(NOTIFICATION.USER_ID.eq(userId))
                .and(outlets == null ? DSL.noCondition() : NOTIFICATION.OUTLET_ID.in(outlets))
                .and(Cursors.before(NOTIFICATION.ID, page))
                .orderBy(NOTIFICATION.ID.desc())
                .limit(Cursors.overfetch(page))
                .fetch(r -> new Notification(r.getId(), r.getUserId(), r.getOutletId(), Optional.ofNullable(r.getFulfillmentId()),
                        Optional.ofNullable(r.getSaleId()), r.getMessage(), fromDb(r.getCreatedAt()), Optional.ofNullable(r.getReadAt()).map(t -> t.toInstant())));
        return Page.fromOverfetched(rows, page.limit(), Notification::id);
    }
}
