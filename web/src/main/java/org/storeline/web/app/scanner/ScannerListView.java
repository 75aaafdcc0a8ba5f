package org.storeline.web.app.scanner;

import java.util.List;
import org.storeline.web.app.fulfillment.RowView;
import org.storeline.web.app.i18n.Messages;

/**
 * The Scanner's list: the open fulfillments of one outlet, oldest first, each opened to pick it; {@code refreshUrl}
 * answers this part alone when the live stream says a fulfillment changed.
 */
public record ScannerListView(Messages t, String outletName, String refreshUrl, List<RowView> rows, boolean more) {}
