package org.storeline.web.app.fulfillment;

import org.storeline.web.app.view.Shell;

/** The Fulfillments page: its layout, the outlet it shows, the filter form's values and the live board. */
public record BoardPage(Shell shell, String outletName, BoardFilters filters, String clearUrl, BoardView board) {}
