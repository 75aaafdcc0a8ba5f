package org.storeline.db.user;

import static org.storeline.db.jooq.Tables.API_TOKEN;
import static org.storeline.db.jooq.Tables.APP_USER;
import static org.storeline.db.jooq.Tables.USER_OUTLET;
import static org.storeline.db.jooq.Tables.WEB_SESSION;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.storeline.core.customer.Email;
import org.storeline.core.outlet.Language;
import org.storeline.core.user.ApiTokenInfo;
import org.storeline.core.user.Role;
import org.storeline.core.user.User;
import org.storeline.core.user.UserRepository;
import org.storeline.db.jooq.tables.records.AppUserRecord;
import org.storeline.db.postgres.Timestamps;

public final class JooqUserRepository implements UserRepository {
    private final DSLContext dsl;

    public JooqUserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(User user) {
        dsl.insertInto(APP_USER)
                .set(APP_USER.ID, user.id())
                .set(APP_USER.NAME, user.name())
                .set(APP_USER.EMAIL, user.email().value())
                .set(APP_USER.EMAIL_KEY, user.email().key())
                .set(APP_USER.ROLE, user.role().wireName())
                .set(APP_USER.PASSWORD_HASH, user.passwordHash().orElse(null))
                .set(APP_USER.CREATED_AT, toDb(user.createdAt()))
                .execute();
        insertOutlets(user);
    }

    @Override
    public Optional<User> findById(UUID id) {
        return dsl.selectFrom(APP_USER)
                .where(APP_USER.ID.eq(id))
                .fetchOptional()
                .map(this::toUser);
    }

    @Override
    public boolean emailTaken(String emailKey) {
        return dsl.fetchExists(APP_USER, APP_USER.EMAIL_KEY.eq(emailKey));
    }

    @Override
    public void insertToken(UUID tokenId, UUID userId, String tokenHash, String label, Instant createdAt) {
        dsl.insertInto(API_TOKEN)
                .set(API_TOKEN.ID, tokenId)
                .set(API_TOKEN.USER_ID, userId)
                .set(API_TOKEN.TOKEN_HASH, tokenHash)
                .set(API_TOKEN.LABEL, label)
                .set(API_TOKEN.CREATED_AT, toDb(createdAt))
                .execute();
    }

    @Override
    public Optional<User> findByTokenHash(String tokenHash) {
        // Every API request starts here: the user and their outlets in one query (a row per outlet), not two.
        var rows = dsl.select(APP_USER.asterisk(), USER_OUTLET.OUTLET_ID)
                .from(APP_USER)
                .join(API_TOKEN)
                .on(API_TOKEN.USER_ID.eq(APP_USER.ID))
                .leftJoin(USER_OUTLET)
                .on(USER_OUTLET.USER_ID.eq(APP_USER.ID))
                .where(API_TOKEN.TOKEN_HASH.eq(tokenHash))
                .orderBy(USER_OUTLET.OUTLET_ID)
                .fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> outlets = rows.stream()
                .map(r -> r.get(USER_OUTLET.OUTLET_ID))
                .filter(Objects::nonNull)
                .toList();
        return Optional.of(toUser(rows.get(0).into(APP_USER), outlets));
    }

    @Override
    public Optional<User> findBootstrapAdmin() {
        return dsl.selectFrom(APP_USER)
                .where(APP_USER.ROLE.eq(Role.ADMIN.wireName()))
                .and(APP_USER.DEACTIVATED_AT.isNull())
                .orderBy(APP_USER.ID)
                .limit(1)
                .fetchOptional()
                .map(this::toUser);
    }

    @Override
    public boolean tokenExists(String tokenHash) {
        return dsl.fetchExists(API_TOKEN, API_TOKEN.TOKEN_HASH.eq(tokenHash));
    }

    @Override
    public Optional<User> findByEmailKey(String emailKey) {
        return dsl.selectFrom(APP_USER)
                .where(APP_USER.EMAIL_KEY.eq(emailKey))
                .fetchOptional()
                .map(this::toUser);
    }

    @Override
    public boolean anyoneSignsIn() {
        return dsl.fetchExists(APP_USER, APP_USER.PASSWORD_HASH.isNotNull());
    }

    @Override
    public void setSignIn(UUID userId, String name, Email email, String passwordHash) {
        dsl.update(APP_USER)
                .set(APP_USER.NAME, name)
                .set(APP_USER.EMAIL, email.value())
                .set(APP_USER.EMAIL_KEY, email.key())
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    @Override
    public void setLanguage(UUID userId, Optional<Language> language) {
        dsl.update(APP_USER)
                .set(APP_USER.LANGUAGE, language.map(Language::wireName).orElse(null))
                .where(APP_USER.ID.eq(userId))
                .execute();
    }

    @Override
    public Map<UUID, String> namesOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return dsl.select(APP_USER.ID, APP_USER.NAME)
                .from(APP_USER)
                .where(APP_USER.ID.in(ids))
                .fetchMap(APP_USER.ID, APP_USER.NAME);
    }

    @Override
    public List<User> findAll() {
        Map<UUID, List<UUID>> outlets = dsl.select(USER_OUTLET.USER_ID, USER_OUTLET.OUTLET_ID)
                .from(USER_OUTLET)
                .orderBy(USER_OUTLET.OUTLET_ID)
                .fetchGroups(USER_OUTLET.USER_ID, USER_OUTLET.OUTLET_ID);
        return dsl.selectFrom(APP_USER)
                .orderBy(APP_USER.NAME, APP_USER.ID)
                .fetch(row -> toUser(row, outlets.getOrDefault(row.getId(), List.of())));
    }

    @Override
    public List<ApiTokenInfo> tokensOf(UUID userId) {
        return dsl.selectFrom(API_TOKEN)
                .where(API_TOKEN.USER_ID.eq(userId))
                .orderBy(API_TOKEN.CREATED_AT.desc(), API_TOKEN.ID.desc())
                .fetch(r -> new ApiTokenInfo(
                        r.getId(),
                        r.getUserId(),
                        r.getLabel(),
                        fromDb(r.getCreatedAt()),
                        Optional.ofNullable(r.getLastUsedAt()).map(Timestamps::fromDb)));
    }

    @Override
    public boolean deleteToken(UUID userId, UUID tokenId) {
        return dsl.deleteFrom(API_TOKEN)
                        .where(API_TOKEN.ID.eq(tokenId).and(API_TOKEN.USER_ID.eq(userId)))
                        .execute()
                > 0;
    }

    @Override
    public void update(User user) {
        dsl.update(APP_USER)
                .set(APP_USER.NAME, user.name())
                .set(APP_USER.ROLE, user.role().wireName())
                .set(APP_USER.PASSWORD_HASH, user.passwordHash().orElse(null))
                .set(
                        APP_USER.DEACTIVATED_AT,
                        user.deactivatedAt().map(Timestamps::toDb).orElse(null))
                .where(APP_USER.ID.eq(user.id()))
                .execute();
        dsl.deleteFrom(USER_OUTLET).where(USER_OUTLET.USER_ID.eq(user.id())).execute();
        insertOutlets(user);
    }

    @Override
    public List<UUID> lockAdmins() {
        return dsl.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.ROLE.eq(Role.ADMIN.wireName()).and(APP_USER.DEACTIVATED_AT.isNull()))
                .orderBy(APP_USER.ID)
                .forUpdate()
                .fetch(APP_USER.ID);
    }

    @Override
    public void endSessions(UUID userId) {
        dsl.deleteFrom(WEB_SESSION).where(WEB_SESSION.USER_ID.eq(userId)).execute();
    }

    private void insertOutlets(User user) {
        for (UUID outletId : user.outletIds()) {
            dsl.insertInto(USER_OUTLET)
                    .set(USER_OUTLET.USER_ID, user.id())
                    .set(USER_OUTLET.OUTLET_ID, outletId)
                    .execute();
        }
    }

    private User toUser(AppUserRecord row) {
        return toUser(
                row,
                dsl.select(USER_OUTLET.OUTLET_ID)
                        .from(USER_OUTLET)
                        .where(USER_OUTLET.USER_ID.eq(row.getId()))
                        .orderBy(USER_OUTLET.OUTLET_ID)
                        .fetch(USER_OUTLET.OUTLET_ID));
    }

    private static User toUser(AppUserRecord row, List<UUID> outlets) {
        return new User(
                row.getId(),
                row.getName(),
                Email.of(row.getEmail()),
                Role.fromWire(row.getRole()),
                outlets,
                Optional.ofNullable(row.getPasswordHash()),
                fromDb(row.getCreatedAt()),
                Optional.ofNullable(row.getDeactivatedAt()).map(Timestamps::fromDb));
    }
}
