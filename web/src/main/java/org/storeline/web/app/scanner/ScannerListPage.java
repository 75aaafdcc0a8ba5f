package org.storeline.web.app.scanner;

import java.util.UUID;
import org.storeline.web.app.view.Shell;

/** The Scanner's first page: open a fulfillment by scanning its packing slip, or from the list. */
public record ScannerListPage(Shell shell, UUID outlet, String code, ScanFeedback feedback, ScannerListView list) {}
