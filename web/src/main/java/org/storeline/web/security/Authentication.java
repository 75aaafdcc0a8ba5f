package org.storeline.web.security;

import io.javalin.http.Context;
import java.util.Optional;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;
import org.storeline.core.user.Actor;
import org.storeline.core.user.UserService;

/**
 * Bearer-token authentication for {@code /api/*}. The actor found is kept on the request for the
 * handlers; a missing or unknown token is a 401 before any handler runs.
 */
public final class Authentication {
    private static final String ACTOR = "storeline.actor";
    private static final String PREFIX = "Bearer ";

    private final UserService users;

    public Authentication(UserService users) {
        this.users = users;
    }

    public void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new StorelineException(
                    ErrorCode.UNAUTHENTICATED,
                    "This endpoint needs an API token: send the header 'Authorization: Bearer <token>'.");
        }
        Optional<Actor> actor = users.authenticate(header.substring(PREFIX.length()));
        ctx.attribute(
                ACTOR,
                actor.orElseThrow(() -> new StorelineException(
                        ErrorCode.UNAUTHENTICATED,
                        "The API token is not valid. Create one with POST /api/v1/users/{id}/tokens.")));
    }

    /**
     * The request's user as they are now, from its token again (a long request, such as an event stream, asks from
     * time to time): empty once the token no longer works.
     */
    public Optional<Actor> recheck(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        return users.authenticate(header.substring(PREFIX.length()));
    }

    public static Actor actor(Context ctx) {
        Actor actor = ctx.attribute(ACTOR);
        if (actor == null) {
            throw new StorelineException(ErrorCode.UNAUTHENTICATED, "Not authenticated.");
        }
        return actor;
    }
}
