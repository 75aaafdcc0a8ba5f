package org.storeline.web.app.setup;

import java.util.Optional;
import org.storeline.web.app.view.Shell;

/** The first-run form: what was typed (never the token or password) and what went wrong. */
public record FirstAdminView(Shell shell, String name, String email, Optional<String> error) {}
