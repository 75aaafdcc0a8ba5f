package org.storeline.web.app;

import org.storeline.web.app.view.Shell;

/** An error page: what happened, in the reader's words, its stable code, and where to go from here. */
public record ErrorView(Shell shell, int status, String code, String heading, String message) {}
