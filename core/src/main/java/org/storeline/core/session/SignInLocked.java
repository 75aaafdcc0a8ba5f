package org.storeline.core.session;

import java.time.Instant;
import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/** Sign-in refused because of repeated failures: {@link #retryAt} says when the email may try again. */
public final class SignInLocked extends StorelineException {
    private final Instant retryAt;

    public SignInLocked(Instant retryAt) {
        super(
                ErrorCode.SIGN_IN_LOCKED,
                "Too many failed sign-ins for this email: try again after " + retryAt
                        + " (UTC), or ask an admin to check the password.");
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }
}
