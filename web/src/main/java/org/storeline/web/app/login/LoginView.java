package org.storeline.web.app.login;

import java.util.Optional;
import org.storeline.web.app.view.Shell;

/**
 * The sign-in form: the email given back after a refusal, where to go after, and what to tell; on a new installation
 * where nobody has a password yet ({@code firstRun}), the way to the first-run setup.
 */
public record LoginView(
        Shell shell, String email, String next, Optional<String> error, Optional<String> info, boolean firstRun) {}
