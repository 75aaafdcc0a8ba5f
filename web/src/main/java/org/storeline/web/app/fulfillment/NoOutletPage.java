package org.storeline.web.app.fulfillment;

import org.storeline.web.app.view.Shell;

/** The Fulfillments page of a user permitted for no outlet: it says so, and who can change it. */
public record NoOutletPage(Shell shell) {}
