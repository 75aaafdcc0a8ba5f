package org.storeline.core.orderimport;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.storeline.core.fulfillment.Fulfillment;
import org.storeline.core.notification.NotificationRepository;
import org.storeline.core.sale.Sale;
import org.storeline.core.stock.StockChange;

/** Everything importing one order writes, decided before anything is written. */
public record OrderPlan(
        Sale sale,
        List<Fulfillment> fulfillments,
        List<StockChange> stockChanges,
        List<NotificationRepository.Announcement> announcements,
        Map<String, UUID> newProductLinks,
        List<String> remarks) {}
