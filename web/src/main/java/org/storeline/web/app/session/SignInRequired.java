package org.storeline.web.app.session;

/** A page asked for without a live session: the browser is sent to the sign-in page (htmx: told to go there). */
public final class SignInRequired extends RuntimeException {
    public SignInRequired() {
        super("Sign in first.", null, false, false);
    }
}
