package org.storeline.db.channel;

import static org.storeline.db.jooq.Tables.CHANNEL_ACTIVITY;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.storeline.core.channel.ActivityEntry;
import org.storeline.core.channel.ActivityFilter;
import org.storeline.core.channel.ActivityLog;
import org.storeline.core.paging.Page;
import org.storeline.core.paging.PageRequest;
import org.storeline.db.jooq.tables.records.ChannelActivityRecord;
import org.storeline.db.postgres.BatchInsert;
import org.storeline.db.postgres.Cursors;

public final class JooqActivityLog implements ActivityLog {
    private final DSLContext dsl;

    public JooqActivityLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void record(List<ActivityEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        BatchInsert rows = BatchInsert.into(
                dsl,
                CHANNEL_ACTIVITY,
                CHANNEL_ACTIVITY.ID,
                CHANNEL_ACTIVITY.CHANNEL_ID,
                CHANNEL_ACTIVITY.CREATED_AT,
                CHANNEL_ACTIVITY.KIND,
                CHANNEL_ACTIVITY.OUTCOME,
                CHANNEL_ACTIVITY.EXTERNAL_ORDER_ID,
                CHANNEL_ACTIVITY.DELIVERY_ID,
                CHANNEL_ACTIVITY.SALE_ID,
                CHANNEL_ACTIVITY.REASON,
                CHANNEL_ACTIVITY.RETRYABLE,
                CHANNEL_ACTIVITY.REQUEST,
                CHANNEL_ACTIVITY.HTTP_STATUS,
                CHANNEL_ACTIVITY.ANSWER,
                CHANNEL_ACTIVITY.SYNC_TASK_IDS);
        for (ActivityEntry e : entries) {
            rows.row(
                    e.id(),
                    e.channelId(),
                    toDb(e.at()),
                    e.kind().wireName(),
                    e.outcome().wireName(),
                    e.externalOrderId().orElse(null),
                    e.deliveryId().orElse(null),
                    e.saleId().orElse(null),
                    cut(e.reason()),
                    e.retryable(),
                    e.call().flatMap(ActivityEntry.Call::request).orElse(null),
                    e.call().map(ActivityEntry.Call::status).filter(s -> s > 0).orElse(null),
                    e.call().map(c -> cut(c.answer())).orElse(null),
                    e.syncTaskIds().isEmpty() ? null : e.syncTaskIds().toArray(UUID[]::new));
        }
        rows.execute();
    }

    private static String cut(String text) {
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }

    @Override
    public Page<ActivityEntry> list(UUID channelId, ActivityFilter filter, PageRequest page) {
        Condition matches = CHANNEL_ACTIVITY.CHANNEL_ID.eq(channelId);
        if (filter.kind().isPresent()) {
            matches = matches.and(CHANNEL_ACTIVITY.KIND.eq(filter.kind().get().wireName()));
        }
        if (filter.outcome().isPresent()) {
            matches = matches.and(
                    CHANNEL_ACTIVITY.OUTCOME.eq(filter.outcome().get().wireName()));
        }
        List<ActivityEntry> rows = dsl.selectFrom(CHANNEL_ACTIVITY)
                .where(matches)
                .and(Cursors.before(CHANNEL_ACTIVITY.ID, page))
                .orderBy(CHANNEL_ACTIVITY.ID.desc())
                .limit(Cursors.overfetch(page))
                .fetch(JooqActivityLog::toEntry);
        return Page.fromOverfetched(rows, page.limit(), ActivityEntry::id);
    }

    @Override
    public Optional<ActivityEntry> find(UUID channelId, UUID entryId) {
        return dsl.selectFrom(CHANNEL_ACTIVITY)
                .where(CHANNEL_ACTIVITY.CHANNEL_ID.eq(channelId).and(CHANNEL_ACTIVITY.ID.eq(entryId)))
                .fetchOptional()
                .map(JooqActivityLog::toEntry);
    }

    @Override
    public void markRetried(UUID entryId, Instant at) {
        dsl.update(CHANNEL_ACTIVITY)
                .set(CHANNEL_ACTIVITY.RETRIED_AT, toDb(at))
                .where(CHANNEL_ACTIVITY.ID.eq(entryId))
                .execute();
    }

    @Override
    public long failuresSince(UUID channelId, Instant since) {
        return dsl.fetchCount(
                CHANNEL_ACTIVITY,
                CHANNEL_ACTIVITY
                        .CHANNEL_ID
                        .eq(channelId)
                        .and(CHANNEL_ACTIVITY.OUTCOME.in(
                                ActivityEntry.Outcome.FAILED.wireName(),
                                ActivityEntry.Outcome.REJECTED.wireName(),
                                ActivityEntry.Outcome.REFUSED.wireName(),
                                ActivityEntry.Outcome.RETRYING.wireName(),
                                ActivityEntry.Outcome.UNKNOWN.wireName()))
                        .and(CHANNEL_ACTIVITY.CREATED_AT.ge(toDb(since))));
    }

    private static ActivityEntry toEntry(ChannelActivityRecord r) {
        return new ActivityEntry(
                r.getId(),
                r.getChannelId(),
                fromDb(r.getCreatedAt()),
                ActivityEntry.Kind.valueOf(r.getKind().toUpperCase(Locale.ROOT)),
                ActivityEntry.Outcome.valueOf(r.getOutcome().toUpperCase(Locale.ROOT)),
                Optional.ofNullable(r.getExternalOrderId()),
                Optional.ofNullable(r.getDeliveryId()),
                Optional.ofNullable(r.getSaleId()),
                r.getReason(),
                r.getRetryable(),
                Optional.ofNullable(r.getRetriedAt()).map(t -> t.toInstant()),
                call(r),
                r.getSyncTaskIds() == null ? List.of() : List.of(r.getSyncTaskIds()));
    }

    private static Optional<ActivityEntry.Call> call(ChannelActivityRecord r) {
        if (r.getRequest() == null && r.getHttpStatus() == null && r.getAnswer() == null) {
            return Optional.empty();
        }
        return Optional.of(new ActivityEntry.Call(
                Optional.ofNullable(r.getRequest()), r.getHttpStatus() == null ? 0 : r.getHttpStatus(), r.getAnswer()));
    }
}
