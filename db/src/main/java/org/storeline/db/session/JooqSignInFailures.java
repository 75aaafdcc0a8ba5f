package org.storeline.db.session;

import static org.storeline.db.jooq.Tables.SIGN_IN_FAILURE;
import static org.storeline.db.postgres.Timestamps.fromDb;
import static org.storeline.db.postgres.Timestamps.toDb;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.storeline.core.session.SignInFailures;

public final class JooqSignInFailures implements SignInFailures {
    private final DSLContext dsl;

    public JooqSignInFailures(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void record(String emailKey, Instant at) {
        dsl.insertInto(SIGN_IN_FAILURE)
                .set(SIGN_IN_FAILURE.EMAIL_KEY, emailKey)
                .set(SIGN_IN_FAILURE.FAILED_AT, toDb(at))
                .execute();
    }

    @Override
    public List<Instant> since(String emailKey, Instant since) {
        return dsl.select(SIGN_IN_FAILURE.FAILED_AT)
                .from(SIGN_IN_FAILURE)
                .where(SIGN_IN_FAILURE.EMAIL_KEY.eq(emailKey))
                .and(SIGN_IN_FAILURE.FAILED_AT.gt(toDb(since)))
                .orderBy(SIGN_IN_FAILURE.FAILED_AT)
                .fetch(r -> fromDb(r.value1()));
    }

    @Override
    public void clear(String emailKey, Instant before) {
        dsl.deleteFrom(SIGN_IN_FAILURE)
                .where(SIGN_IN_FAILURE.EMAIL_KEY.eq(emailKey).or(SIGN_IN_FAILURE.FAILED_AT.lt(toDb(before))))
                .execute();
    }
}
