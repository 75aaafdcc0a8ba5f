package org.storeline.web.app.scanner;

import org.storeline.web.app.view.Shell;

/** The Scanner's page of one fulfillment: the layout around its picking panel. */
public record PickingPage(Shell shell, PickingView view) {}
