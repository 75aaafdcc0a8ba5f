package org.storeline.db.sync;

import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.storeline.core.sync.ChannelSenders;

/**
 * Channel sender leases as rows of {@code sync_channel_sender}. Taking is one INSERT ... ON CONFLICT DO UPDATE whose
 * WHERE is the rule (free, ours, or run out); its SET works out from the row as it was whether the hold goes on
 * unbroken and whether the previous holder stopped mid-round. A row lock for the statement's length is all it holds.
 * Times are truncated to the microsecond before they are compared, as PostgreSQL keeps them.
 */
public final class JooqChannelSenders implements ChannelSenders {
    private static final String TAKE = """
            insert into sync_channel_sender as s
              (channel_id, holder, held_since, lease_until, sending, recent_requests, spent_until)
            values (?::uuid, ?, ?::timestamptz, ?::timestamptz, true, '{}', null)
            on conflict (channel_id) do update set
              holder = excluded.holder,
              lease_until = excluded.lease_until,
              sending = true,
              held_since = case when s.holder = excluded.holder and s.lease_until > excluded.held_since
                                then s.held_since else excluded.held_since end,
              spent_until = case when s.sending and not (s.holder = excluded.holder
                                                        and s.lease_until > excluded.held_since)
                                 then greatest(s.lease_until, s.spent_until) else s.spent_until end
            where s.holder = excluded.holder or s.lease_until <= excluded.held_since
            returning held_since < ?::timestamptz as continued, recent_requests, spent_until, lease_until
            """;

    private final DSLContext dsl;

    public JooqChannelSenders(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Optional<Held> take(UUID channelId, String sender, Instant now, Instant until) {
        OffsetDateTime at = toDb(now.truncatedTo(ChronoUnit.MICROS));
        OffsetDateTime end = toDb(until.truncatedTo(ChronoUnit.MICROS));
        Record row = dsl.fetchOptional(TAKE, channelId, sender, at, end, at).orElse(null);
        if (row == null) {
            return Optional.empty();
        }
        boolean continued = row.get("continued", Boolean.class);
        OffsetDateTime[] recent = row.get("recent_requests", OffsetDateTime[].class);
        return Optional.of(new Held(
                continued,
                continued
                        ? List.of()
                        : Arrays.stream(recent).map(t -> fromDb(t)).toList(),
                continued
                        ? Optional.empty()
                        : Optional.ofNullable(fromDb(row.get("spent_until", OffsetDateTime.class))),
                fromDb(row.get("lease_until", OffsetDateTime.class))));
    }

    @Override
    public void save(UUID channelId, String sender, Optional<List<Instant>> recentRequests) {
        recentRequests.ifPresentOrElse(
                recent -> dsl.execute("""
                        update sync_channel_sender set sending = false, recent_requests = ?::timestamptz[],
                          spent_until = null
                        where channel_id = ?::uuid and holder = ?
                        """, times(recent), channelId, sender),
                () -> dsl.execute(
                        "update sync_channel_sender set sending = false where channel_id = ?::uuid and holder = ?",
                        channelId,
                        sender));
    }

    @Override
    public void release(UUID channelId, String sender, Optional<List<Instant>> recentRequests, Instant now) {
        save(channelId, sender, recentRequests);
        dsl.execute("""
                update sync_channel_sender set lease_until = least(lease_until, ?::timestamptz)
                where channel_id = ?::uuid and holder = ?
                """, toDb(now), channelId, sender);
    }

    private static OffsetDateTime[] times(List<Instant> instants) {
        return instants.stream().map(t -> toDb(t)).toArray(OffsetDateTime[]::new);
    }
}
