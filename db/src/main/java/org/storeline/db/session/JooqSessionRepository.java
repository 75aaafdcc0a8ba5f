package org.storeline.db.session;

import static org.storeline.db.jooq.Tables.APP_USER;
import static org.storeline.db.jooq.Tables.USER_OUTLET;
import static org.storeline.db.jooq.Tables.WEB_SESSION;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.storeline.core.outlet.Language;
import org.storeline.core.session.SessionRepository;
import org.storeline.core.session.SignedIn;
import org.storeline.core.session.StaffSession;
import org.storeline.core.user.Actor;
import org.storeline.core.user.Role;

public final class JooqSessionRepository implements SessionRepository {
    private final DSLContext dsl;

    public JooqSessionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(StaffSession session) {
        dsl.insertInto(WEB_SESSION)
                .set(WEB_SESSION.ID, session.id())
                .set(WEB_SESSION.TOKEN_HASH, session.tokenHash())
                .set(WEB_SESSION.USER_ID, session.userId())
                .set(WEB_SESSION.CSRF_TOKEN, session.csrfToken())
                .set(WEB_SESSION.CREATED_AT, toDb(session.createdAt()))
                .set(WEB_SESSION.LAST_SEEN_AT, toDb(session.lastSeenAt()))
                .set(WEB_SESSION.EXPIRES_AT, toDb(session.expiresAt()))
                .execute();
    }

    @Override
    public Optional<SignedIn> findByTokenHash(String tokenHash) {
        // Every page request starts here: the session, its user and their outlets in one query (a row per outlet).
        var rows = dsl.select(
                        WEB_SESSION.asterisk(),
                        APP_USER.NAME,
                        APP_USER.EMAIL,
                        APP_USER.ROLE,
                        APP_USER.LANGUAGE,
                        USER_OUTLET.OUTLET_ID)
                .from(WEB_SESSION)
                .join(APP_USER)
                .on(APP_USER.ID.eq(WEB_SESSION.USER_ID))
                .leftJoin(USER_OUTLET)
                .on(USER_OUTLET.USER_ID.eq(APP_USER.ID))
                // A deactivated user's sessions are deleted; this also shuts one out that a sign-in stored meanwhile.
                .where(WEB_SESSION.TOKEN_HASH.eq(tokenHash).and(APP_USER.DEACTIVATED_AT.isNull()))
                .fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> outlets = rows.stream()
                .map(r -> r.get(USER_OUTLET.OUTLET_ID))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Record row = rows.get(0);
        StaffSession session = new StaffSession(
                row.get(WEB_SESSION.ID),
                row.get(WEB_SESSION.TOKEN_HASH),
                row.get(WEB_SESSION.USER_ID),
                row.get(WEB_SESSION.CSRF_TOKEN),
                fromDb(row.get(WEB_SESSION.CREATED_AT)),
                fromDb(row.get(WEB_SESSION.LAST_SEEN_AT)),
                fromDb(row.get(WEB_SESSION.EXPIRES_AT)));
        Actor actor =
                new Actor(session.userId(), row.get(APP_USER.NAME), Role.fromWire(row.get(APP_USER.ROLE)), outlets);
        return Optional.of(new SignedIn(
                session,
                actor,
                row.get(APP_USER.EMAIL),
                Optional.ofNullable(row.get(APP_USER.LANGUAGE)).map(Language::fromWire)));
    }

    @Override
    public void touch(String tokenHash, Instant lastSeenAt) {
        dsl.update(WEB_SESSION)
                .set(WEB_SESSION.LAST_SEEN_AT, toDb(lastSeenAt))
                .where(WEB_SESSION.TOKEN_HASH.eq(tokenHash))
                .execute();
    }

    @Override
    public void delete(String tokenHash) {
        dsl.deleteFrom(WEB_SESSION).where(WEB_SESSION.TOKEN_HASH.eq(tokenHash)).execute();
    }

    @Override
    public int deleteExpired(Instant now) {
        return dsl.deleteFrom(WEB_SESSION)
                .where(WEB_SESSION.EXPIRES_AT.le(toDb(now)))
                .execute();
    }
}
