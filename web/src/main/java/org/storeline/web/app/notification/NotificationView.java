package org.storeline.web.app.notification;

import java.util.List;
import org.storeline.web.app.view.Shell;

/** The notifications page: the newest first, each opening its fulfillment; unread ones say so in words. */
public record NotificationView(Shell shell, List<Item> items) {
    public record Item(String openUrl, String message, String when, boolean unread) {}
}
